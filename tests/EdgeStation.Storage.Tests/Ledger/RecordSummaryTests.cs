using EdgeStation.Domain.Demo;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Records;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// The in-memory record summaries must always equal what a fresh read of the records collection gives: after
/// appends, amendments and voids made while they are loaded, after reopening (from records.summary, with or
/// without entries to catch up), after a journal replay, and when the file is damaged or belongs elsewhere.
/// </summary>
public class RecordSummaryTests
{
    private static readonly StationSettings Settings = new();
    private static readonly RecordCommands Commands = new(Settings);
    private static readonly DateTimeOffset Until = new(2026, 6, 30, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Summaries_follow_random_appends_amendments_and_voids_as_they_are_committed()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        Seed(store, "a", 2026);
        var first = store.Summaries();
        AssertMatchesFreshRead(store);

        var random = new Random(20261123);
        for (var round = 0; round < 6; round++)
        {
            var ids = store.Records().Select(r => r.Id).ToList();
            var tasks = Enumerable.Range(0, 40).Select(i => store.AppendAsync(RandomChange(random, ids, round * 100 + i))).ToList();
            foreach (var task in tasks)
            {
                try
                {
                    await task;
                }
                catch (Exception ex) when (ex is RecordInputException or IllegalTransitionException)
                {
                    // A random change the domain refuses writes nothing: part of the test.
                }
            }
            AssertMatchesFreshRead(store);
        }

        Assert.Equal(first.Count, first.Count()); // a set a reader holds never changes under it
        Assert.NotEqual(first.Head, store.Summaries().Head);
    }

    [Fact]
    public void Reopening_loads_the_saved_summaries_and_catches_up_on_entries_written_without_them()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            Seed(store, "a", 2025);
            Assert.Equal("rebuilt", Load(store));
        }
        Assert.True(File.Exists(dir.File(RecordSummaryFile.FileName)));

        using (var store = LedgerStore.Open(dir.Path))
        {
            Assert.Equal("file", Load(store));
            AssertMatchesFreshRead(store);
        }

        // Another process (the CLI) appends without ever loading the summaries: the file falls behind.
        using (var store = LedgerStore.Open(dir.Path))
        {
            var ids = store.Records().Select(r => r.Id).ToList();
            var random = new Random(7);
            for (var i = 0; i < 30; i++)
            {
                TryAppend(store, RandomChange(random, ids, i));
            }
            store.Append(Events.NewDispute(99));
        }

        using (var store = LedgerStore.Open(dir.Path))
        {
            Assert.StartsWith("file+", Load(store), StringComparison.Ordinal);
            AssertMatchesFreshRead(store);
        }
    }

    [Fact]
    public void A_service_open_rebuilds_missing_summaries_as_part_of_the_open_and_leaves_a_usable_file_for_later()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            // More records than one page of the open's scan, so that the rebuild crosses fresh LiteDB instances.
            store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
            store.AppendMany(Enumerable.Range(1, LedgerStore.ScanPage + 50).Select(Events.NewDispute));
        }
        File.Delete(dir.File(RecordSummaryFile.FileName)); // the first start after an upgrade: no file yet

        using (var store = LedgerStore.Open(dir.Path, loadSummaries: true))
        {
            Assert.Equal("rebuilt", store.SummariesSource); // before anyone asked
            Assert.Equal(LedgerStore.ScanPage + 50, store.Summaries().Count);
            store.Append(Events.NewDispute(5_000)); // the writer runs on after the open's scan replaced the instance
            AssertMatchesFreshRead(store);
        }

        using (var store = LedgerStore.Open(dir.Path, loadSummaries: true))
        {
            Assert.Null(store.SummariesSource); // a usable file: loaded when first asked, the start stays fast
            Assert.Equal("file", Load(store));
            AssertMatchesFreshRead(store);
        }
    }

    [Fact]
    public void After_a_journal_replay_the_summaries_include_the_replayed_entries()
    {
        using var dir = new TempDir();
        var db = dir.File(LedgerStore.FileName);
        var journal = dir.File(LedgerJournal.FileName);
        using (var store = LedgerStore.Open(dir.Path))
        {
            Seed(store, "a", 2026);
            Load(store); // saved at this head on close
        }
        File.Copy(db, dir.File("older.db"));
        using (var store = LedgerStore.Open(dir.Path))
        {
            Load(store);
            var ids = store.Records().Select(r => r.Id).ToList();
            var random = new Random(11);
            for (var i = 0; i < 20; i++)
            {
                TryAppend(store, RandomChange(random, ids, i));
            }
            File.Copy(journal, dir.File("journal.copy"));
        }
        // The crash: LiteDB lost the last commits, the journal has them; records.summary is at the newer head.
        File.Copy(dir.File("older.db"), db, overwrite: true);
        File.Copy(dir.File("journal.copy"), journal, overwrite: true);

        using var recovered = LedgerStore.Open(dir.Path);

        Assert.True(recovered.RecoveredEntries > 0);
        Assert.Equal("file", Load(recovered));
        AssertMatchesFreshRead(recovered);
    }

    [Fact]
    public void A_summary_file_ahead_of_the_database_or_from_another_ledger_is_not_used()
    {
        using var dir = new TempDir();
        using var other = new TempDir();
        var db = dir.File(LedgerStore.FileName);
        using (var store = LedgerStore.Open(dir.Path))
        {
            Seed(store, "a", 2025);
        }
        File.Copy(db, dir.File("backup.db"));
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute(1));
            Load(store);
        }
        // Restored from the backup without the journal: the file is ahead of the database.
        File.Copy(dir.File("backup.db"), db, overwrite: true);
        File.Delete(dir.File(LedgerJournal.FileName));
        using (var store = LedgerStore.Open(dir.Path))
        {
            Assert.Equal("rebuilt", Load(store));
            AssertMatchesFreshRead(store);
        }

        // Same length of ledger, other content: the head's hash does not match.
        using (var store = LedgerStore.Open(other.Path))
        {
            Seed(store, "b", 2025);
            Load(store);
        }
        File.Copy(other.File(RecordSummaryFile.FileName), dir.File(RecordSummaryFile.FileName), overwrite: true);
        using (var store = LedgerStore.Open(dir.Path))
        {
            Assert.Equal("rebuilt", Load(store));
            AssertMatchesFreshRead(store);
        }
    }

    [Fact]
    public void A_damaged_summary_file_is_rebuilt_from_the_ledger()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            Seed(store, "a", 2026);
            Load(store);
        }
        var path = dir.File(RecordSummaryFile.FileName);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        using var reopened = LedgerStore.Open(dir.Path);

        Assert.Equal("rebuilt", Load(reopened));
        AssertMatchesFreshRead(reopened);
    }

    [Fact]
    public void A_read_only_store_loads_the_summaries_and_writes_no_file()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            Seed(store, "a", 2025);
        }
        using (var store = LedgerStore.Open(dir.Path, readOnly: true))
        {
            Assert.Equal("rebuilt", Load(store));
            AssertMatchesFreshRead(store);
        }
        Assert.False(File.Exists(dir.File(RecordSummaryFile.FileName)));
    }

    [Fact]
    public void A_page_of_records_is_the_newest_ids_of_the_type_first_and_the_count_matches()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        Seed(store, "a", 2025);
        Seed(store, "b", 2026);
        foreach (var type in RecordTypeNames.All)
        {
            var expected = store.Records(type).Select(r => r.Id).Order(StringComparer.Ordinal).Reverse().ToList();
            var countBefore = store.RecordCount(type); // from LiteDB: the summaries are not loaded yet

            var page = store.RecordsPage(type, 3, 20);

            Assert.Equal(expected.Skip(3).Take(20), page.Select(r => r.Id));
            Assert.All(page, r => Assert.Equal(type, r.Type));
            Assert.Equal(countBefore, store.RecordCount(type)); // now from the summaries
            Assert.Equal(expected.Count, countBefore);
        }
    }

    [Fact]
    public void A_summary_snapshot_keeps_what_indicators_and_deadlines_read()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        Seed(store, "a", 2026);

        foreach (var s in store.Summaries())
        {
            var full = store.Find(s.Id)!;
            var slim = s.ToSnapshot();
            Assert.Equal(full.Type, slim.Type);
            Assert.Equal(full.Voided, slim.Voided);
            Assert.Equal(full.ReportedAt, slim.ReportedAt);
            Assert.Equal(full.OccurredAt, slim.OccurredAt);
            Assert.Equal(full.Marks, slim.Marks);
            Assert.Equal(full.Status, slim.Status);
            foreach (var key in RecordSummary.KeptFields)
            {
                Assert.Equal(full.Text(key), slim.Text(key));
                Assert.Equal(full.Number(key), slim.Number(key));
            }
            Assert.Null(slim.Text(FieldKeys.Summary));
        }
    }

    private static string Load(LedgerStore store)
    {
        store.Summaries();
        return store.SummariesSource!;
    }

    /// <summary>The summaries equal a fresh read of every record, at the store's head.</summary>
    private static void AssertMatchesFreshRead(LedgerStore store)
    {
        var summaries = store.Summaries();
        var fresh = store.Records().Select(RecordSummary.From).ToDictionary(s => s.Id, StringComparer.Ordinal);

        Assert.Equal(store.Head, summaries.Head);
        Assert.Equal(fresh.Count, summaries.Count);
        Assert.Equal(fresh.Count, summaries.Count());
        foreach (var s in summaries)
        {
            Assert.True(fresh.TryGetValue(s.Id, out var f), $"{s.Id} is not in the records collection");
            Assert.True(s.SameAs(f), $"{s.Id} differs from a fresh read");
        }
        foreach (var type in RecordTypeNames.All)
        {
            Assert.Equal(fresh.Values.Count(s => s.Type == type), summaries.CountOf(type));
            Assert.Equal(fresh.Values.Where(s => s.Type == type).Select(s => s.Id).Order(StringComparer.Ordinal).Reverse(), summaries.IdsNewestFirst(type));
        }
    }

    /// <summary>A demo village's year (disputes, petitions with levels and deadlines, cases, grid events), appended as seed-demo does.</summary>
    private static void Seed(LedgerStore store, string village, int year)
    {
        var until = year < Until.Year ? new DateTimeOffset(year, 12, 31, 15, 59, 0, TimeSpan.Zero) : Until;
        store.AppendMany(DemoAppend.Builders(Commands, DemoSeeder.Generate(village, year, until, Settings)).ToList());
    }

    /// <summary>One random change: a new dispute, an amendment (summary, risk, persons, occurredAt), a transition or a void.</summary>
    private static Func<ILedgerView, RecordEvent?> RandomChange(Random random, List<string> ids, int n)
    {
        var id = ids[random.Next(ids.Count)];
        var kind = random.Next(6);
        var at = Until.AddMinutes(n);
        return view =>
        {
            var record = view.Find(id)!;
            return kind switch
            {
                0 => Events.Dispute(view.NextRecordId(RecordType.Dispute, 2026), n),
                1 => Commands.Amend(record, new Dictionary<string, string>(StringComparer.Ordinal) { [FieldKeys.Summary] = $"改 {n}" }, "typo", "t", at, view.Find),
                2 => Commands.Amend(record, new Dictionary<string, string>(StringComparer.Ordinal) { [FieldKeys.OccurredAt] = "2026-01-02T03:04:05Z" }, "date", "t", at, view.Find),
                3 => Commands.Void(record, "entered twice", "t", at),
                4 => Commands.Transition(record, record.Type == RecordType.Petition ? "accept" : "resolve", new Domain.Workflows.TransitionInput(), "t", at),
                _ => Commands.Amend(record, new Dictionary<string, string>(StringComparer.Ordinal) { [FieldKeys.Risk] = "red" }, "colour", "t", at, view.Find),
            };
        };
    }

    private static void TryAppend(LedgerStore store, Func<ILedgerView, RecordEvent?> build)
    {
        try
        {
            store.Append(build);
        }
        catch (Exception ex) when (ex is RecordInputException or IllegalTransitionException)
        {
            // refused by the domain: nothing written
        }
    }
}
