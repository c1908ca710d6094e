using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Issue 19: a refused write injected at each point of the commit order (journal fsync, LiteDB commit). Rules out the
/// suspected failure: after a refused commit the writer sealing the next append on the old head, which would put a
/// duplicate seq in the journal that the next open refuses.
/// </summary>
public sealed class RefusedCommitTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(Events.T0);

    public void Dispose() => _dir.Dispose();

    private LedgerStore OpenWithFaultOnce(FaultPoint point)
    {
        var store = LedgerStore.Open(_dir.Path, time: _clock);
        store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
        store.Append(Events.NewDispute(1));
        store.Append(_ => null); // acknowledged once the batch before it is applied: the fault below hits the next batch only
        RefuseOnce(store, point);
        return store;
    }

    /// <summary>The next write that reaches <paramref name="point"/> is refused as by a full disk; later ones go through.</summary>
    private static void RefuseOnce(LedgerStore store, FaultPoint point)
    {
        var armed = true;
        store.FaultInjection = p =>
        {
            if (!armed || p != point)
            {
                return null;
            }
            armed = false;
            return new IOException("injected: the disk refused the write");
        };
    }

    /// <summary>Runs the backoff on the fake clock until the writer takes writes again.</summary>
    private async Task RecoverAsync(LedgerStore store)
    {
        while (store.Fault is { } fault)
        {
            var changed = store.FaultChanged;
            if (store.Fault?.NextAttemptAt is { } at)
            {
                _clock.Advance(at - _clock.GetUtcNow());
            }
            await changed.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(fault.Attempts < 5, $"not recovered: {fault.Detail}");
        }
    }

    private static async Task FaultEnteredAsync(LedgerStore store)
    {
        while (true)
        {
            var changed = store.FaultChanged;
            if (store.FaultCount > 0)
            {
                return;
            }
            await changed.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task A_reader_streaming_the_ledger_while_the_writer_reopens_the_database_reads_on_to_the_end()
    {
        // More entries than one page of a read: the stream crosses the reopen between two pages.
        using var store = LedgerStore.Open(_dir.Path, time: _clock);
        store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
        store.AppendMany(Enumerable.Range(1, LedgerStore.ScanPage + 200).Select(Events.NewDispute));
        store.Append(_ => null); // the batch before is applied
        var head = store.Head.Seq;

        using var reading = store.Entries().GetEnumerator();
        Assert.True(reading.MoveNext());
        var seqs = new List<long> { reading.Current.Seq };

        RefuseOnce(store, FaultPoint.Commit);
        var entered = store.FaultChanged;
        var acknowledged = await store.AppendAsync(Events.NewDispute(5_000)); // acknowledged, then the commit is refused and LiteDB reopened
        await entered.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(store.Fault!.JournalAhead);

        while (reading.MoveNext())
        {
            seqs.Add(reading.Current.Seq);
        }
        // Every entry there was when the stream began (a stream is as of its start: the later append is not owed to it).
        Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seqs);
        Assert.Equal(acknowledged!.Entry.Seq, store.Entries().Last().Seq); // a new stream has it, from the unapplied batch
        Assert.NotNull(store.Find(acknowledged.Event.RecordId)); // single reads too, on the new instance
        Assert.Equal((int)head + 1, store.Records().Count() + 1); // every record, and the station entry that is none
    }

    [Fact]
    public async Task A_commit_refused_after_the_acknowledgement_keeps_the_entry_readable_and_the_retry_applies_it_once()
    {
        using (var store = OpenWithFaultOnce(FaultPoint.Commit))
        {
            // Acknowledged at the journal fsync, before LiteDB's commit was refused: the entry counts.
            var acknowledged = await store.AppendAsync(Events.NewDispute(2));
            Assert.Equal(3, acknowledged!.Entry.Seq);
            await store.FaultChanged.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(store.Fault!.JournalAhead);
            // Readers still see it while LiteDB lacks it.
            Assert.Equal(3, store.Head.Seq);
            Assert.NotNull(store.Find("DS-2026-0002"));
            Assert.Equal(3, store.Entries().Count());
            Assert.Single(store.History("DS-2026-0002"));
            await Assert.ThrowsAsync<StorageEnvironmentException>(() => store.AppendAsync(Events.NewDispute(3))); // refused while faulted

            await RecoverAsync(store);

            Assert.Equal(3, store.Head.Seq); // applied from the journal by the retry, once
            var next = await store.AppendAsync(Events.NewDispute(4));
            Assert.Equal(4, next!.Entry.Seq);
            Assert.Equal("DS-2026-0003", next.Event.RecordId); // after DS-2026-0002 of the refused batch: no number twice
            Assert.Equal(next.Entry.PrevHash, store.Entries().Single(e => e.Seq == 3).Hash);
        }
        using var reopened = LedgerStore.Open(_dir.Path);
        Assert.Equal(4, reopened.Head.Seq);
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
        Assert.Equal(["DS-2026-0001", "DS-2026-0002", "DS-2026-0003"], reopened.Records().Select(r => r.Id));
        Assert.Null(reopened.StateProblem);
    }

    [Fact]
    public async Task Regression_a_commit_whose_rollback_also_failed_left_a_transaction_whose_finalizer_ended_the_process()
    {
        // Seen once in a loaded test run: LiteDB refused a commit and then its rollback, the store dropped that instance,
        // and minutes later the transaction's finalizer threw "discarded page must be writable" on the finalizer thread
        // (litedb-org/LiteDB#2828). Such an instance is now kept, never disposed or finalized.
        using (var store = LedgerStore.Open(_dir.Path, time: _clock))
        {
            store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
            store.Append(_ => null);
            var refused = new HashSet<FaultPoint> { FaultPoint.Commit, FaultPoint.Rollback };
            store.FaultInjection = p => refused.Remove(p) ? new IOException("injected: the disk refused the write") : null;
            var entered = store.FaultChanged;
            var acknowledged = await store.AppendAsync(Events.NewDispute(1));
            await entered.WaitAsync(TimeSpan.FromSeconds(60));

            await RecoverAsync(store);
            GC.Collect();
            GC.WaitForPendingFinalizers();

            Assert.Equal(1, store.AbandonedDatabases);
            Assert.Empty(refused);
            Assert.Equal(acknowledged!.Entry.Seq, store.Head.Seq);
            Assert.NotNull(store.Find(acknowledged.Event.RecordId));
            Assert.Equal(acknowledged.Entry.Seq + 1, (await store.AppendAsync(Events.NewDispute(2)))!.Entry.Seq);
        }
        using var reopened = LedgerStore.Open(_dir.Path);
        Assert.Equal(3, reopened.Head.Seq);
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
    }

    [Fact]
    public async Task A_journal_refused_write_stores_nothing_and_its_seq_and_number_go_to_the_next_append()
    {
        using (var store = OpenWithFaultOnce(FaultPoint.Journal))
        {
            var refused = await Assert.ThrowsAsync<StorageEnvironmentException>(() => store.AppendAsync(Events.NewDispute(2)));
            Assert.Contains("nothing from this request was stored", refused.Message, StringComparison.Ordinal);
            Assert.False(store.Fault!.JournalAhead);
            Assert.Equal(2, store.Head.Seq);

            await RecoverAsync(store);

            var next = await store.AppendAsync(Events.NewDispute(3));
            Assert.Equal(3, next!.Entry.Seq);
            Assert.Equal("DS-2026-0002", next.Event.RecordId);
        }
        using var reopened = LedgerStore.Open(_dir.Path);
        Assert.Equal(3, reopened.Head.Seq);
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
    }

    [Fact]
    public async Task Appends_queued_behind_a_refused_commit_are_refused_never_stored_on_the_old_head()
    {
        using (var store = OpenWithFaultOnce(FaultPoint.Commit))
        {
            var batch = Enumerable.Range(10, 30).Select(i => store.AppendAsync(Events.NewDispute(i))).ToList();
            var outcomes = await Task.WhenAll(batch.Select(async t =>
            {
                try
                {
                    return (await t)!.Entry.Seq;
                }
                catch (StorageEnvironmentException)
                {
                    return -1L;
                }
            }));
            // Every append may have been acknowledged before the commit was refused: wait for the fault itself.
            await FaultEnteredAsync(store);
            await RecoverAsync(store);

            // Whatever was acknowledged, and whatever the retry applied from the journal, holds distinct seqs in one chain.
            var stored = store.Entries().Select(e => e.Seq).ToList();
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored);
            Assert.All(outcomes.Where(s => s > 0), s => Assert.Contains(s, stored));
        }
        using var reopened = LedgerStore.Open(_dir.Path);
        Assert.True(LedgerVerifier.Verify(reopened.Entries()).Ok);
        Assert.Equal(reopened.Head.Seq, reopened.Entries().Count());
    }
}
