using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Issue 19: the applier thread writes acknowledged batches into LiteDB behind the writer. Held in its window
/// (<see cref="LedgerStore.Applying"/>), the writer must go on building on batches LiteDB lacks (records, numbers,
/// idempotency keys), stop once it is <see cref="LedgerStore.MaxUnapplied"/> ahead, and a commit refused with batches
/// queued behind it must lose none of them.
/// </summary>
public sealed class ApplierPipelineTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(Events.T0);
    private readonly ManualResetEventSlim _release = new();
    private readonly SemaphoreSlim _held = new(0);

    public void Dispose()
    {
        _release.Set();
        _dir.Dispose();
        _release.Dispose();
        _held.Dispose();
    }

    private LedgerStore OpenStarted()
    {
        var store = LedgerStore.Open(_dir.Path, time: _clock);
        store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
        store.Append(Events.NewDispute(1));
        store.Append(_ => null); // answered once LiteDB holds everything before it
        return store;
    }

    /// <summary>The applier's next group waits until <see cref="_release"/> is set; later ones run.</summary>
    private void HoldApplier(LedgerStore store)
    {
        var armed = true;
        store.Applying = () =>
        {
            if (!armed)
            {
                return;
            }
            armed = false;
            _held.Release();
            _release.Wait(Patience);
        };
    }

    private static Func<ILedgerView, RecordEvent?> Assess(string id, string risk) =>
        view => Events.Commands.Transition(view.Find(id)!, "assess", new TransitionInput { Risk = risk }, "test", Events.T0.AddHours(1));

    private static IdempotentRequest Key(string key) => new("test", new RequestKey(key, "digest-" + key));

    [Fact]
    public async Task The_writer_builds_on_batches_LiteDB_does_not_hold_yet()
    {
        using (var store = OpenStarted())
        {
            HoldApplier(store);
            var created = (await store.AppendAsync(Events.NewDispute(2)))!; // taken by the applier, which is held
            Assert.True(await _held.WaitAsync(Patience));
            var keyed = (await store.AppendAsync(Events.NewDispute(3), Key("k-3")))!;
            var assessed = (await store.AppendAsync(Assess(created.Event.RecordId, "red")))!;
            var repeated = (await store.AppendAsync(Events.NewDispute(3), Key("k-3")))!;

            Assert.Equal("DS-2026-0002", created.Event.RecordId);
            Assert.Equal("DS-2026-0003", keyed.Event.RecordId); // the number after one only an unapplied batch holds
            Assert.Equal("assessed", assessed.Record!.Status); // a transition of a record only an unapplied batch holds
            // ...folded into a copy: the snapshot the held batch is about to write (and its caller got) is not changed under it.
            Assert.Equal(created.Entry.Seq, created.Record!.LastSeq);
            Assert.NotEqual("assessed", created.Record.Status);
            Assert.True(repeated.Repeated);
            Assert.Equal(keyed.Entry, repeated.Entry); // the key found in an unapplied batch: nothing written twice
            Assert.Equal(3, store.UnappliedBatchCount); // the held one and the two behind it (the repeat wrote nothing)
            Assert.Equal(assessed.Entry.Seq, store.Head.Seq);
            Assert.Equal("assessed", store.Find("DS-2026-0002")!.Status);
            Assert.Equal(["DS-2026-0001", "DS-2026-0002", "DS-2026-0003"], store.Records().Select(r => r.Id));
            Assert.Equal(Enumerable.Range(1, (int)store.Head.Seq).Select(i => (long)i), store.Entries().Select(e => e.Seq));
            Assert.Equal(2, store.History("DS-2026-0002").Count());

            _release.Set();
            await store.AppendAsync(_ => null);
            Assert.Equal(0, store.UnappliedBatchCount);
            Assert.Equal("assessed", store.Find("DS-2026-0002")!.Status);
        }
        using var reopened = LedgerStore.Open(_dir.Path);
        Assert.Null(reopened.StateProblem); // the digest the applier kept across its groups is the one the open recomputes
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
        Assert.Equal("assessed", reopened.Find("DS-2026-0002")!.Status);
        Assert.Equal(0, reopened.RecoveredEntries);
    }

    [Fact]
    public async Task The_writer_stops_once_it_is_MaxUnapplied_batches_ahead_and_goes_on_when_the_applier_does()
    {
        using var store = OpenStarted();
        store.CallerCommits = false; // the writer thread waits for room here; a caller committing its own would wait in its call
        HoldApplier(store);
        await store.AppendAsync(Events.NewDispute(2));
        Assert.True(await _held.WaitAsync(Patience));
        // One batch in the held apply, MaxUnapplied - 1 queued behind it: the next is acknowledged and then waits for room.
        for (var i = 0; i < LedgerStore.MaxUnapplied; i++)
        {
            await store.AppendAsync(Events.NewDispute(3 + i));
        }
        var blocked = store.AppendAsync(Events.NewDispute(100));
        Assert.True(SpinWait.SpinUntil(() => store.WaitingForRoom, Patience), "the writer never waited for the applier");
        Assert.Equal(LedgerStore.MaxUnapplied + 1, store.UnappliedBatchCount);
        Assert.False(blocked.IsCompleted); // taken by nobody: the writer waits behind the applier

        _release.Set();
        var last = (await blocked.WaitAsync(Patience))!;
        Assert.Equal(store.Head.Seq, last.Entry.Seq);
        await store.AppendAsync(_ => null);
        Assert.Equal(0, store.UnappliedBatchCount);
        Assert.Equal(3 + LedgerStore.MaxUnapplied, store.RecordCount());
    }

    [Fact]
    public async Task A_refused_commit_with_batches_queued_behind_it_loses_none_of_them()
    {
        List<AppendResult> acknowledged = [];
        using (var store = OpenStarted())
        {
            HoldApplier(store);
            acknowledged.Add((await store.AppendAsync(Events.NewDispute(2)))!);
            Assert.True(await _held.WaitAsync(Patience));
            for (var i = 0; i < 3; i++)
            {
                acknowledged.Add((await store.AppendAsync(Events.NewDispute(3 + i)))!);
            }
            var armed = true;
            store.FaultInjection = p => p == FaultPoint.Commit && Interlocked.Exchange(ref armed, false) ? new IOException("injected: the disk refused the write") : null;
            var entered = store.FaultChanged;
            _release.Set(); // the held group's commit is refused; three batches wait behind it

            await entered.WaitAsync(Patience);
            Assert.True(store.Fault!.JournalAhead);
            Assert.Equal(acknowledged[^1].Entry.Seq, store.Head.Seq);
            Assert.All(acknowledged, a => Assert.NotNull(store.Find(a.Event.RecordId))); // still read from the unapplied batches
            await Assert.ThrowsAsync<StorageEnvironmentException>(() => store.AppendAsync(Events.NewDispute(50)));

            while (store.Fault is { } fault)
            {
                var changed = store.FaultChanged;
                if (fault.NextAttemptAt is { } at)
                {
                    _clock.Advance(at - _clock.GetUtcNow());
                }
                await changed.WaitAsync(Patience);
                Assert.True(fault.Attempts < 5, $"not recovered: {fault.Detail}");
            }
            Assert.Equal(0, store.UnappliedBatchCount);
            var next = (await store.AppendAsync(Events.NewDispute(60)))!;
            Assert.Equal(acknowledged[^1].Entry.Seq + 1, next.Entry.Seq);
            Assert.Equal("DS-2026-0006", next.Event.RecordId);
        }
        using var reopened = LedgerStore.Open(_dir.Path);
        Assert.Null(reopened.StateProblem);
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
        Assert.Equal(reopened.Head.Seq, reopened.Entries().Count());
        Assert.Equal(["DS-2026-0001", "DS-2026-0002", "DS-2026-0003", "DS-2026-0004", "DS-2026-0005", "DS-2026-0006"], reopened.Records().Select(r => r.Id));
    }

    [Fact]
    public async Task Killed_while_the_applier_is_behind_the_files_reopen_with_every_acknowledged_entry()
    {
        using var crash = new TempDir();
        using (var store = OpenStarted())
        {
            HoldApplier(store);
            await store.AppendAsync(Events.NewDispute(2));
            Assert.True(await _held.WaitAsync(Patience));
            await store.AppendAsync(Events.NewDispute(3));
            var last = (await store.AppendAsync(Assess("DS-2026-0002", "yellow")))!;
            // What kill -9 leaves now: LiteDB's files without the last batches, the journal with them.
            foreach (var file in Directory.GetFiles(_dir.Path).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(crash.Path, Path.GetFileName(file)));
            }
            Assert.True(last.Entry.Seq > 0);
            _release.Set();
        }
        using var reopened = LedgerStore.Open(crash.Path);
        Assert.True(reopened.RecoveredEntries >= 2);
        Assert.Null(reopened.StateProblem);
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
        Assert.Equal("assessed", reopened.Find("DS-2026-0002")!.Status);
        Assert.Equal(["DS-2026-0001", "DS-2026-0002", "DS-2026-0003"], reopened.Records().Select(r => r.Id));
    }
}
