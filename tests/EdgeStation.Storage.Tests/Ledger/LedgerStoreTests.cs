using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;
using LiteDB;

namespace EdgeStation.Storage.Tests.Ledger;

public class LedgerStoreTests
{
    [Fact]
    public void Appended_entries_survive_reopening_and_verify()
    {
        using var dir = new TempDir();
        LedgerHead head;
        using (var store = LedgerStore.Open(dir.Path))
        {
            for (var i = 0; i < 5; i++)
            {
                store.Append(Events.NewDispute(i));
            }
            head = store.Head;
        }

        using var reopened = LedgerStore.Open(dir.Path);

        Assert.Equal(head, reopened.Head);
        Assert.Equal(5, reopened.RecordCount());
        Assert.True(LedgerVerifier.Verify(reopened.Entries(), head).Ok);
    }

    [Fact]
    public void Record_ids_count_up_per_type_and_year()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        var first = store.Append(Events.NewDispute(1))!;
        var second = store.Append(Events.NewDispute(2))!;

        Assert.Equal("DS-2026-0001", first.Record!.Id);
        Assert.Equal("DS-2026-0002", second.Record!.Id);
    }

    [Fact]
    public async Task Concurrent_appends_are_all_acknowledged_with_a_contiguous_chain()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        var tasks = Enumerable.Range(0, 300).Select(i => store.AppendAsync(Events.NewDispute(i))).ToArray();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), results.Select(r => r!.Entry.Seq).Order());
        Assert.Equal(300, results.Select(r => r!.Record!.Id).Distinct().Count());
        Assert.True(LedgerVerifier.Verify(store.Entries()).Ok);
    }

    [Fact]
    public async Task An_append_nothing_waits_for_is_committed_on_the_callers_thread_and_answered_on_return()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        store.Append(Events.NewDispute(1));
        var caller = Environment.CurrentManagedThreadId;
        var builtOn = -1;

        var task = store.AppendAsync(view =>
        {
            builtOn = Environment.CurrentManagedThreadId;
            return Events.NewDispute(2)(view);
        });

        Assert.True(task.IsCompletedSuccessfully); // the journal fsync happened inside the call: no hand-off either way
        Assert.Equal(caller, builtOn);
        var created = (await task)!;
        Assert.Equal(2, created.Entry.Seq);
        Assert.Equal(created.Entry, store.Entries().Last()); // read back at once (from the unapplied batch or LiteDB)

        store.CallerCommits = false;
        var queued = store.AppendAsync(view =>
        {
            builtOn = Environment.CurrentManagedThreadId;
            return Events.NewDispute(3)(view);
        });
        Assert.Equal(3, (await queued)!.Entry.Seq);
        Assert.NotEqual(caller, builtOn); // the writer thread's path, which concurrent appends take
    }

    [Fact]
    public async Task A_failing_builder_fails_alone_and_writes_nothing()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        store.Append(Events.NewDispute());

        var bad = store.AppendAsync(_ => throw new RecordInputException("wrong colour"));
        var good = store.AppendAsync(Events.NewDispute());

        await Assert.ThrowsAsync<RecordInputException>(() => bad);
        Assert.Equal(2, (await good)!.Entry.Seq);
        Assert.Equal(2, store.Head.Seq);
    }

    [Fact]
    public async Task An_entry_the_projection_refuses_fails_its_whole_batch_and_leaves_no_caller_waiting()
    {
        // Bounds a hang (the bug: the refused append and those behind it in the batch were never answered).
        var bound = TimeSpan.FromSeconds(30);
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        using var inFirstBatch = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        store.CallerCommits = false; // the first builder holds the writer thread, not this one
        Task<AppendResult?> first, duplicate, behind;
        try
        {
            first = store.AppendAsync(view =>
            {
                inFirstBatch.Set();
                release.Wait(); // holds the writer in batch 1 while the next two queue up as one batch
                return Events.NewDispute()(view); // DS-2026-0001
            });
            Assert.True(inFirstBatch.Wait(bound), "the writer never started the first batch");
            duplicate = store.AppendAsync(_ => Events.Dispute("DS-2026-0001", 1)); // the builder passes; the projection refuses it
            behind = store.AppendAsync(Events.NewDispute(2));
        }
        finally
        {
            release.Set();
        }

        Assert.Equal(1, (await first.WaitAsync(bound))!.Entry.Seq);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => duplicate.WaitAsync(bound));
        Assert.Contains("already exists", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => behind.WaitAsync(bound)); // rolled back with it
        Assert.Equal(1, store.Head.Seq);
        Assert.Equal(2, store.Append(Events.NewDispute(3))!.Entry.Seq);
    }

    [Fact]
    public async Task Two_racing_transitions_of_one_record_are_validated_one_after_the_other()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        var id = store.Append(Events.NewDispute())!.Record!.Id;
        Func<ILedgerView, RecordEvent?> assess = view => Events.Commands.Transition(view.Find(id)!, "assess", new TransitionInput { Risk = "red" }, "a", Events.T0.AddHours(1));
        Func<ILedgerView, RecordEvent?> assign = view => Events.Commands.Transition(view.Find(id)!, "assign", new TransitionInput { AssignedTo = "王某" }, "b", Events.T0.AddHours(2));

        // Both are queued before the writer sees either; the second must see the first's effect.
        var results = await Task.WhenAll(store.AppendAsync(assess), store.AppendAsync(assign));

        Assert.Equal("assigned", store.Find(id)!.Status);
        Assert.Equal(3, results[1]!.Entry.Seq);
    }

    [Fact]
    public void A_second_owner_is_refused_while_the_first_holds_the_database()
    {
        using var dir = new TempDir();
        using var first = LedgerStore.Open(dir.Path);
        first.Append(Events.NewDispute());

        var ex = Assert.Throws<StorageEnvironmentException>(() => LedgerStore.Open(dir.Path));

        Assert.Contains("in use by another process", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_left_untouched()
    {
        using var dir = new TempDir();
        var path = dir.File(LedgerStore.FileName);
        var garbage = Enumerable.Range(0, 20_000).Select(i => (byte)(i * 31)).ToArray();
        File.WriteAllBytes(path, garbage);

        Assert.Throws<StorageEnvironmentException>(() => LedgerStore.Open(dir.Path));

        Assert.Equal(garbage, File.ReadAllBytes(path));
    }

    [Fact]
    public void Opening_a_missing_database_that_must_exist_creates_nothing()
    {
        using var dir = new TempDir();

        Assert.Throws<StorageEnvironmentException>(() => LedgerStore.Open(dir.Path, mustExist: true));

        Assert.False(File.Exists(dir.File(LedgerStore.FileName)));
    }

    [Fact]
    public void Editing_content_in_the_file_is_caught_and_the_entry_named()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            for (var i = 0; i < 6; i++)
            {
                store.Append(Events.NewDispute(i));
            }
        }
        using (var db = new LiteDatabase(dir.File(LedgerStore.FileName)))
        {
            var ledger = db.GetCollection("ledger");
            var doc = ledger.FindById(4L);
            doc["content"] = doc["content"].AsString.Replace("\"parties\":2", "\"parties\":9", StringComparison.Ordinal).Replace("\"parties\":3", "\"parties\":9", StringComparison.Ordinal).Replace("\"parties\":4", "\"parties\":9", StringComparison.Ordinal);
            ledger.Update(doc);
        }

        using var reopened = LedgerStore.Open(dir.Path);
        var result = LedgerVerifier.Verify(reopened.Entries());

        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBadSeq);
    }

    [Fact]
    public void Deleting_an_entry_from_the_file_is_caught_and_the_gap_named()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            for (var i = 0; i < 6; i++)
            {
                store.Append(Events.NewDispute(i));
            }
        }
        using (var db = new LiteDatabase(dir.File(LedgerStore.FileName)))
        {
            db.GetCollection("ledger").Delete(3L);
        }

        using var reopened = LedgerStore.Open(dir.Path);
        var result = LedgerVerifier.Verify(reopened.Entries());

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadSeq);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void History_returns_a_records_entries_oldest_first()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        var id = store.Append(Events.NewDispute())!.Record!.Id;
        store.Append(Events.NewDispute(5));
        store.Append(view => Events.Commands.Transition(view.Find(id)!, "assess", new TransitionInput { Risk = "green" }, "a", Events.T0.AddHours(1)));

        var history = store.History(id).ToList();

        Assert.Equal(["create", "assess"], history.Select(h => h.Event.Action));
        Assert.Equal([1L, 3L], history.Select(h => h.Entry.Seq));
    }

    [Fact]
    public void Dispose_finishes_queued_appends_before_closing()
    {
        using var dir = new TempDir();
        Task<AppendResult?>[] tasks;
        using (var store = LedgerStore.Open(dir.Path))
        {
            tasks = Enumerable.Range(0, 50).Select(i => store.AppendAsync(Events.NewDispute(i))).ToArray();
        }

        Assert.All(tasks, t => Assert.True(t.IsCompletedSuccessfully));
        using var reopened = LedgerStore.Open(dir.Path);
        Assert.Equal(50, reopened.Head.Seq);
    }
}
