using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;
using EdgeStation.Storage.Verification;
using LiteDB;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Issue 14 §1: the stored state (records, accounts, id counters) is proven on every open against the digest the writer
/// keeps beside the head. An edit made with another tool is refused before anything is read from or written on top of
/// it, and `RebuildStateAsync` re-derives the state from the ledger, logging that it did.
/// </summary>
public sealed class StoredStateProofTests : IDisposable
{
    private const string Hash = "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Three disputes, the second assessed red and assigned; two accounts, one disabled.</summary>
    private void Seed()
    {
        using var store = LedgerStore.Open(_dir.Path);
        store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
        for (var i = 0; i < 3; i++)
        {
            store.Append(Events.NewDispute(i));
        }
        Transition(store, "DS-2026-0002", "assess", new TransitionInput { Risk = "red" });
        Transition(store, "DS-2026-0002", "assign", new TransitionInput { AssignedTo = "王某" });
        var users = new UserStore(store);
        users.AddAsync("admin1", Role.Admin, null, Hash, "cli:root", Events.T0).GetAwaiter().GetResult();
        users.AddAsync("lisi", Role.Official, null, Hash, "cli:root", Events.T0).GetAwaiter().GetResult();
        users.SetDisabledAsync("lisi", true, "cli:root", Events.T0).GetAwaiter().GetResult();
    }

    private static AppendResult? Transition(LedgerStore store, string id, string action, TransitionInput input) =>
        store.Append(view => Events.Commands.Transition(view.Find(id)!, action, input, "test", Events.T0.AddHours(1)));

    /// <summary>Changes one stored document the way a tool other than EdgeStation would.</summary>
    private void EditWithLiteDb(string collection, BsonValue id, Action<BsonDocument> edit)
    {
        using var db = new LiteDatabase(_dir.File(LedgerStore.FileName));
        var col = db.GetCollection(collection);
        var doc = col.FindById(id);
        edit(doc);
        col.Update(doc);
    }

    [Fact]
    public void A_store_the_writer_left_opens_proven_by_its_digest()
    {
        Seed();
        using var store = LedgerStore.Open(_dir.Path, readOnly: true);
        Assert.Null(store.StateProblem);
        Assert.Equal("digest", store.StateProof);
    }

    [Fact]
    public void A_status_written_over_in_the_records_collection_refuses_every_open()
    {
        Seed();
        EditWithLiteDb("records", "DS-2026-0002", d => d["status"] = "mediating");

        var read = Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path, readOnly: true));
        var write = Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path));
        Assert.Contains("records", read.Message, StringComparison.Ordinal);
        Assert.Contains("records rebuild", write.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_step_the_real_state_forbids_is_never_decided_from_an_edited_copy()
    {
        // The audit's case: "assigned" edited to "mediating" made the workflow accept a step only mediating allows.
        Seed();
        EditWithLiteDb("records", "DS-2026-0002", d => d["status"] = "mediating");
        using var store = LedgerStore.Open(_dir.Path, check: StateCheck.Report);
        var headBefore = store.Head;

        Assert.NotNull(store.StateProblem);
        Assert.Throws<StateDisagreesException>(() => store.Append(v => Events.Commands.Transition(v.Find("DS-2026-0002")!, "mediate", new TransitionInput(), "test", Events.T0)));
        Assert.Equal(headBefore, store.Head);
    }

    [Fact]
    public void A_re_enabled_account_or_a_swapped_role_refuses_the_open()
    {
        Seed();
        EditWithLiteDb(UserStore.CollectionName, "lisi", d => d["disabled"] = false);
        var ex = Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path, readOnly: true));
        Assert.Contains("users", ex.Message, StringComparison.Ordinal);

        EditWithLiteDb(UserStore.CollectionName, "lisi", d => d["disabled"] = true); // back as it was: proven again
        using (LedgerStore.Open(_dir.Path, readOnly: true))
        {
        }
        EditWithLiteDb(UserStore.CollectionName, "lisi", d => d["role"] = "admin");
        Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path, readOnly: true));
    }

    [Fact]
    public void Failed_logins_and_a_new_password_change_no_proven_part_of_an_account()
    {
        Seed();
        using (var store = LedgerStore.Open(_dir.Path))
        {
            var users = new UserStore(store);
            users.SaveLockout("admin1", new LockoutState(3, Events.T0.AddMinutes(5)));
            users.SaveRehash("admin1", Hash.Replace("600000", "700000", StringComparison.Ordinal));
        }
        using var reopened = LedgerStore.Open(_dir.Path, readOnly: true);
        Assert.Null(reopened.StateProblem);
    }

    [Fact]
    public void A_lowered_id_counter_refuses_the_open_before_a_number_is_reused()
    {
        Seed();
        EditWithLiteDb("counters", "DS-2026", d => d["n"] = 1L);
        Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path));
    }

    [Fact]
    public void A_record_deleted_or_planted_in_the_collection_refuses_the_open()
    {
        Seed();
        using (var db = new LiteDatabase(_dir.File(LedgerStore.FileName)))
        {
            db.GetCollection("records").Delete("DS-2026-0003");
        }
        Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path, readOnly: true));
    }

    [Fact]
    public void A_damaged_or_stale_digest_refuses_the_open()
    {
        Seed();
        EditWithLiteDb(LedgerStore.StateCollection, "state", d => d["seq"] = d["seq"].AsInt64 - 1);
        var ex = Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path, readOnly: true));
        Assert.Contains("kept for entry", ex.Message, StringComparison.Ordinal);

        EditWithLiteDb(LedgerStore.StateCollection, "state", d => d["records"] = "zz");
        Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path, readOnly: true));
    }

    [Fact]
    public void A_database_from_before_the_digest_is_proven_against_the_ledger_once_and_then_keeps_one()
    {
        Seed();
        using (var db = new LiteDatabase(_dir.File(LedgerStore.FileName)))
        {
            db.DropCollection(LedgerStore.StateCollection);
        }
        using (var store = LedgerStore.Open(_dir.Path))
        {
            Assert.Equal("derived", store.StateProof);
            Assert.Null(store.StateProblem);
        }
        using (var store = LedgerStore.Open(_dir.Path, readOnly: true))
        {
            Assert.Equal("digest", store.StateProof);
        }

        // Without a digest, an edit is still found: by the fold of the ledger.
        using (var db = new LiteDatabase(_dir.File(LedgerStore.FileName)))
        {
            db.DropCollection(LedgerStore.StateCollection);
        }
        EditWithLiteDb("records", "DS-2026-0001", d => d["voided"] = true);
        var ex = Assert.Throws<StateDisagreesException>(() => LedgerStore.Open(_dir.Path, readOnly: true));
        Assert.Contains("DS-2026-0001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_re_derives_records_accounts_and_counters_and_logs_itself_in_the_ledger()
    {
        Seed();
        EditWithLiteDb("records", "DS-2026-0002", d => d["status"] = "mediating");
        EditWithLiteDb(UserStore.CollectionName, "lisi", d => d["disabled"] = false);
        EditWithLiteDb("counters", "DS-2026", d => d["n"] = 1L);
        using (var db = new LiteDatabase(_dir.File(LedgerStore.FileName)))
        {
            db.GetCollection(UserStore.CollectionName).Delete("admin1");
            db.GetCollection("records").Insert(new BsonDocument { ["_id"] = "DS-2026-0099", ["type"] = "dispute" });
        }

        using (var store = LedgerStore.Open(_dir.Path, check: StateCheck.Report))
        {
            var before = store.Head;
            var result = await store.RebuildStateAsync("cli:root", Events.T0.AddDays(1));
            Assert.Equal(before.Seq + 1, store.Head.Seq);
            Assert.Equal(RecordEvent.StateType, result!.Event.Type);
            Assert.Equal(RecordEvent.RebuildAction, result.Event.Action);
            Assert.Equal("cli:root", result.Event.Actor);
            Assert.True(result.Event.Fields["differences"].Number >= 5);
            Assert.Null(store.StateProblem);

            var derived = DerivedState.Fold(store.Entries());
            Assert.Empty(DerivedStateVerifier.Compare(store, derived));
            Assert.Equal("assigned", store.Find("DS-2026-0002")!.Status);
            Assert.Null(store.Find("DS-2026-0099"));
            var users = new UserStore(store);
            Assert.True(users.Find("lisi")!.Disabled);
            Assert.Equal("", users.Find("admin1")!.PasswordHash); // the ledger keeps no password: restored without one
            Assert.Equal("DS-2026-0004", store.Append(Events.NewDispute(9))!.Event.RecordId);
        }
        using var reopened = LedgerStore.Open(_dir.Path, readOnly: true);
        Assert.Null(reopened.StateProblem);
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
    }

    [Fact]
    public async Task Regression_a_rebuild_of_more_records_than_one_scan_page_commits_in_one_instance()
    {
        // The rebuild's digest used the open's paged scan, which replaces LiteDB's instance after each page of records:
        // under the applier's transaction, beside readers.
        using (var store = LedgerStore.Open(_dir.Path))
        {
            store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
            store.AppendMany(Enumerable.Range(1, LedgerStore.ScanPage + 100).Select(Events.NewDispute));
        }
        EditWithLiteDb("records", "DS-2026-0002", d => d["status"] = "mediating");

        using (var store = LedgerStore.Open(_dir.Path, check: StateCheck.Report))
        {
            Assert.NotNull(store.StateProblem);
            var result = await store.RebuildStateAsync("cli:root", Events.T0.AddDays(1));
            Assert.True(result!.Event.Fields["differences"].Number >= 1);
            Assert.Equal($"DS-2026-{LedgerStore.ScanPage + 101:D4}", store.Append(Events.NewDispute(9))!.Event.RecordId);
        }
        using var reopened = LedgerStore.Open(_dir.Path);
        Assert.Null(reopened.StateProblem);
        Assert.Equal(LedgerStore.ScanPage + 101, reopened.Records().Count());
    }

    [Fact]
    public async Task A_rebuild_queued_among_appends_commits_alone_and_loses_none_of_them()
    {
        Seed();
        using var store = LedgerStore.Open(_dir.Path);
        var appends = Enumerable.Range(0, 40).Select(i => store.AppendAsync(Events.NewDispute(i))).ToList();
        var rebuild = store.RebuildStateAsync("cli:root", Events.T0);
        appends.AddRange(Enumerable.Range(40, 40).Select(i => store.AppendAsync(Events.NewDispute(i))));
        await Task.WhenAll(appends);
        await rebuild;

        Assert.Equal(83, store.RecordCount());
        Assert.Empty(DerivedStateVerifier.Compare(store, DerivedState.Fold(store.Entries())));
    }

    [Fact]
    public void Regression_a_history_missing_an_entry_to_its_index_was_shown_as_whole()
    {
        // The byte-flip test met it once: a changed index page made the recordId lookup skip an entry, so `records show`
        // printed a shorter history with exit 0 while the chain (walked by seq) verified. Here the entry's stored record
        // id is changed, which takes it out of the index the same way.
        Seed();
        using (var db = new LiteDatabase(_dir.File(LedgerStore.FileName)))
        {
            var ledger = db.GetCollection("ledger");
            var assess = ledger.FindAll().Single(d => d["content"].AsString.Contains("\"action\":\"assess\"", StringComparison.Ordinal));
            assess["recordId"] = "DS-2026-0009";
            ledger.Update(assess);
        }
        using var store = LedgerStore.Open(_dir.Path, readOnly: true);

        var ex = Assert.Throws<StorageEnvironmentException>(() => store.History("DS-2026-0002"));
        Assert.Contains("do not fold into the record as stored", ex.Message, StringComparison.Ordinal);
        Assert.Single(store.History("DS-2026-0001")); // an untouched record's history is whole and shown
    }

    [Fact]
    public void Regression_a_record_whose_every_entry_the_index_skips_has_no_history_shown()
    {
        // The byte-flip test met it too: the index found none of the record's entries, and an empty history was taken as
        // whole (nothing to fold), so `records show` printed the record without its history with exit 0.
        Seed();
        using (var db = new LiteDatabase(_dir.File(LedgerStore.FileName)))
        {
            var ledger = db.GetCollection("ledger");
            foreach (var entry in ledger.FindAll().Where(d => d["recordId"].AsString == "DS-2026-0002").ToList())
            {
                entry["recordId"] = "DS-2026-0009";
                ledger.Update(entry);
            }
        }
        using var store = LedgerStore.Open(_dir.Path, readOnly: true);

        var ex = Assert.Throws<StorageEnvironmentException>(() => store.History("DS-2026-0002"));
        Assert.Contains("do not fold into the record as stored", ex.Message, StringComparison.Ordinal);
        // Filed under an id whose content says otherwise: refused too, never shown as another record's history.
        var moved = Assert.Throws<StorageEnvironmentException>(() => store.History("DS-2026-0009"));
        Assert.Contains("filed under record DS-2026-0009 but its content belongs to DS-2026-0002", moved.Message, StringComparison.Ordinal);
    }
}
