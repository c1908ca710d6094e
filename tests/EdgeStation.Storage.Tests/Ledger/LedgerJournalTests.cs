using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// LiteDB 5 writes its commits from a background thread, so the journal is what makes an acknowledgement
/// durable. These tests stand in for a crash that lost LiteDB's last commits but not the fsync'ed journal.
/// </summary>
public class LedgerJournalTests
{
    [Fact]
    public void Entries_the_database_lost_are_replayed_from_the_journal()
    {
        using var dir = new TempDir();
        var db = dir.File(LedgerStore.FileName);
        var journal = dir.File(LedgerJournal.FileName);
        using (var store = LedgerStore.Open(dir.Path))
        {
            for (var i = 0; i < 3; i++)
            {
                store.Append(Events.NewDispute(i));
            }
        }
        File.Copy(db, dir.File("older.db"));
        LedgerHead head;
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute(3));
            store.Append(Events.NewDispute(4));
            head = store.Head;
            File.Copy(journal, dir.File("journal.copy"));
        }
        File.Copy(dir.File("older.db"), db, overwrite: true);
        File.Copy(dir.File("journal.copy"), journal, overwrite: true);

        using var recovered = LedgerStore.Open(dir.Path);

        Assert.Equal(2, recovered.RecoveredEntries);
        Assert.Equal(head, recovered.Head);
        Assert.Equal(5, recovered.RecordCount());
        Assert.True(LedgerVerifier.Verify(recovered.Entries(), head).Ok);
        Assert.Equal("DS-2026-0006", recovered.Append(Events.NewDispute(5))!.Record!.Id);
    }

    [Fact]
    public void A_torn_last_line_is_ignored()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute());
        }
        File.WriteAllText(dir.File(LedgerJournal.FileName), "2\t0000\tabc\tdef\tDS-2026-0002\t{\"action\":\"cre");

        using var store2 = LedgerStore.Open(dir.Path);

        Assert.Equal(0, store2.RecoveredEntries);
        Assert.Equal(1, store2.Head.Seq);
    }

    [Fact]
    public void A_clean_close_empties_the_journal()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute());
            Assert.NotEqual(0, new FileInfo(dir.File(LedgerJournal.FileName)).Length);
        }

        Assert.Equal(0, new FileInfo(dir.File(LedgerJournal.FileName)).Length);
    }

    [Fact]
    public void A_journal_that_does_not_continue_the_database_is_refused()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute());
        }
        var foreign = Events.Chain(3)[2]; // seq 3 chained to another history
        File.WriteAllText(dir.File(LedgerJournal.FileName),
            $"{foreign.Seq}\t{foreign.PrevHash}\t{foreign.Hash}\t{foreign.ContentDigest}\t{foreign.RecordId}\t{foreign.Content}\n");

        var ex = Assert.Throws<StorageEnvironmentException>(() => LedgerStore.Open(dir.Path));

        Assert.Contains("does not continue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_journal_is_written_full_of_zeros_ahead_and_its_entries_end_at_the_first_zero()
    {
        using var dir = new TempDir();
        var path = dir.File(LedgerJournal.FileName);
        using (var store = LedgerStore.Open(dir.Path))
        {
            Assert.False(LedgerJournal.HoldsEntries(dir.Path));
            store.Append(Events.NewDispute(1));
            store.Append(Events.NewDispute(2));

            var file = File.ReadAllBytes(path);
            Assert.Equal(LedgerJournal.PreallocatedBytes, file.Length);
            var end = Array.IndexOf(file, (byte)0);
            Assert.Equal(2, System.Text.Encoding.UTF8.GetString(file, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.All(file[end..], b => Assert.Equal(0, b));
            Assert.True(LedgerJournal.HoldsEntries(dir.Path));
            Assert.True(DatabaseFileCheck.NeedsRecovery(dir.Path));
        }

        Assert.False(LedgerJournal.HoldsEntries(dir.Path));
    }

    [Fact]
    public void Regression_an_append_after_a_torn_tail_was_written_after_it_and_made_the_journal_unreadable()
    {
        // The torn line stayed where the crash left it and the next batch was appended to it: one broken line followed by
        // good ones, which the next open refused as a journal damaged before its end. The open now zeros the torn tail.
        using var dir = new TempDir();
        var db = dir.File(LedgerStore.FileName);
        var journal = dir.File(LedgerJournal.FileName);
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute(0));
        }
        File.Copy(db, dir.File("older.db"));
        File.WriteAllText(journal, "2\t0000\tabc\tdef\tDS-2026-0002\t{\"action\":\"cre");
        LedgerHead head;
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute(1));
            store.Append(Events.NewDispute(2));
            head = store.Head;
            File.Copy(journal, dir.File("journal.copy"));
        }
        File.Copy(dir.File("older.db"), db, overwrite: true);
        File.Copy(dir.File("journal.copy"), journal, overwrite: true);

        using var recovered = LedgerStore.Open(dir.Path);

        Assert.Equal(2, recovered.RecoveredEntries);
        Assert.Equal(head, recovered.Head);
    }

    [Fact]
    public void An_emptying_a_crash_interrupted_leaves_no_stale_entry_behind_the_next_ones()
    {
        // A checkpoint empties the journal by writing zeros over its entries; a crash half-way can leave zeros first and
        // old entries after them. They are already in the database, and must never be read as following newer entries.
        using var dir = new TempDir();
        var journal = dir.File(LedgerJournal.FileName);
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute(0));
            store.Append(Events.NewDispute(1));
            store.Append(Events.NewDispute(2));
            File.Copy(journal, dir.File("journal.copy"));
        }
        var stale = File.ReadAllBytes(dir.File("journal.copy"));
        var firstLine = Array.IndexOf(stale, (byte)'\n') + 1;
        File.WriteAllBytes(journal, [.. new byte[firstLine + 5], .. stale[(firstLine + 5)..]]); // the first line and a bit zeroed

        using var store2 = LedgerStore.Open(dir.Path);
        Assert.Equal(0, store2.RecoveredEntries);
        Assert.Equal(3, store2.Head.Seq);
        store2.Append(Events.NewDispute(3));

        var file = File.ReadAllBytes(journal);
        var end = Array.IndexOf(file, (byte)0);
        var lines = System.Text.Encoding.UTF8.GetString(file, 0, end).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("4\t", lines[0], StringComparison.Ordinal);
        Assert.All(file[end..], b => Assert.Equal(0, b));
    }
}
