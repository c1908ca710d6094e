using System.Collections.Concurrent;
using System.Globalization;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Records;
using EdgeStation.Storage.Station;
using EdgeStation.Storage.Verification;
using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The writer thread: it takes whatever appends wait (group commit), builds them against the applied state, makes them
/// durable in the journal, acknowledges, and applies them to LiteDB (<see cref="CommitBatch"/> has the order).
/// </summary>
public sealed partial class LedgerStore
{
    private void WriterLoop()
    {
        try
        {
            WriteUntilClosed();
        }
        finally
        {
            // Taken for good: a caller that gets the turn after this finds the queue completed and commits nothing.
            lock (_writeTurn)
            {
                StopApplier();
                if (ApplyFailure is { } refused && _fault is null)
                {
                    EnterFault(refused, journalAhead: true); // met while closing: the journal keeps the entries for the next open
                }
            }
        }
    }

    private void WriteUntilClosed()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        PendingAppend? carried = null; // a rebuild met while gathering a batch: it goes next, alone
        while (true)
        {
            var first = carried;
            carried = null;
            if (first is null && !_queue.TryTake(out first, Timeout.Infinite))
            {
                return;
            }
            _writerWaits = true; // callers queue behind it instead of taking the turn first
            lock (_writeTurn)
            {
                _writerWaits = false;
                if (!WriterTurn(batch, first, ref carried))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Writer thread, holding the turn: <paramref name="first"/> and whatever waits behind it; false when closing while faulted.</summary>
    private bool WriterTurn(List<PendingAppend> batch, PendingAppend first, ref PendingAppend? carried)
    {
        if (_fault is null && ApplyFailure is { } refused)
        {
            // The applier was refused a commit: the entries it lacked are in the journal, which the retry applies.
            EnterFault(refused, journalAhead: true);
        }
        if (_fault is { } fault)
        {
            // An append in hand as the fault is found is refused like those that arrive during it; a rebuild waits for the retry.
            if (!first.Wake && !first.Rebuild)
            {
                first.Done.TrySetException(Refusal(fault));
                first = new PendingAppend(_ => null, null) { Wake = true };
            }
            RecoverLoop();
            if (_fault is { } unresolved)
            {
                // Closing while faulted: a rebuild in hand is answered too, or its caller waits for ever.
                if (first.Rebuild)
                {
                    first.Done.TrySetException(Refusal(unresolved));
                }
                FailWaiting(Refusal(unresolved));
                return false;
            }
        }
        if (first.Wake)
        {
            return true;
        }
        batch.Clear();
        batch.Add(first);
        // A rebuild replaces the whole projection, so it shares its transaction with no other entry.
        while (!first.Rebuild && batch.Count < MaxBatch && _queue.TryTake(out var next))
        {
            if (next.Wake)
            {
                continue;
            }
            if (next.Rebuild)
            {
                carried = next;
                break;
            }
            batch.Add(next);
        }
        if (first.Rebuild && !WaitApplied())
        {
            // Its builder compares the ledger with LiteDB, so it runs only on a LiteDB that holds everything: after the retry.
            carried = first;
            return true;
        }
        CommitBatch(batch);
        return true;
    }

    // Whoever holds it commits: the writer thread, or a caller that found no append waiting (TryCommitOnCaller).
    private readonly Lock _writeTurn = new();
    private volatile bool _writerWaits;

    /// <summary>
    /// Caller commit (issue 19): when no append waits and the writer thread is idle, the caller builds, journals and
    /// acknowledges its own append on its own thread (the applier still writes it into LiteDB behind). One writer then
    /// pays no thread hand-off on the way in and none on the way out: on this machine's virtual CPUs each was worth
    /// 100–300 µs, as much as the fsync. Appends that meet a busy writer queue as before and commit in its next batch.
    /// False: queue it.
    /// </summary>
    private bool TryCommitOnCaller(PendingAppend pending)
    {
        // A builder appending from inside a commit would nest one in the other: it queues (and waits, as it always did).
        if (!CallerCommits || _writerWaits || _queue.Count > 0 || _writeTurn.IsHeldByCurrentThread || !_writeTurn.TryEnter())
        {
            return false;
        }
        try
        {
            if (_writerWaits || _queue.Count > 0 || _queue.IsAddingCompleted || _fault is not null || ApplyFailure is not null)
            {
                return false; // the writer thread deals with those (a fault's retry, closing)
            }
            CommitBatch([pending]);
            if (_fault is not null)
            {
                WakeWriter(); // the journal refused it: the retry loop is the writer thread's
            }
            return true;
        }
        finally
        {
            _writeTurn.Exit();
        }
    }

    /// <summary>
    /// For tests that hold the writer in a builder or a hook to line appends up behind it: false sends every append
    /// through the writer thread, as concurrent appends go anyway.
    /// </summary>
    internal bool CallerCommits { get; set; } = true;

    /// <summary>
    /// One group commit, in this order (issue 19): build every entry in memory against the acknowledged state (LiteDB and
    /// the unapplied batches); append them to the journal and fsync (the durability point); publish them (the unapplied
    /// overlay, the summaries, the head) and acknowledge; then hand them to the applier thread, which writes them into
    /// LiteDB while this thread builds the next batch. Two kinds wait for their commit instead: a batch with side writes
    /// or an account entry (so that a login right after `users add` finds the account) and a rebuild; and a batch with
    /// nothing to append is acknowledged once LiteDB holds everything before it.
    /// </summary>
    private void CommitBatch(List<PendingAppend> batch)
    {
        var mark = WriterStats.Mark();
        var view = new BatchView(this);
        var done = new List<(PendingAppend Pending, AppendResult? Result)>(batch.Count);
        try
        {
            foreach (var pending in batch)
            {
                RecordEvent? e;
                try
                {
                    if (pending.Request is { } request && Repeat(request, view) is { } repeated)
                    {
                        done.Add((pending, repeated));
                        continue;
                    }
                    e = pending.Build(view);
                    if (e is not null && pending.Request is { } keyed)
                    {
                        e = e with { Request = keyed.Key };
                    }
                }
                catch (Exception ex)
                {
                    view.Reject(); // a rejected entry uses up no number and leaves no side write
                    pending.Done.TrySetException(ex);
                    continue;
                }
                if (e is null)
                {
                    view.Reject();
                    done.Add((pending, null));
                    continue;
                }
                view.Accept();
                var entry = LedgerHasher.Seal(view.Head.Seq + 1, e.RecordId, RecordEventCodec.Encode(e), view.Head.Hash);
                var snapshot = Stage(entry, e, view);
                done.Add((pending, new AppendResult(entry, e, snapshot)));
            }
            if (view.Entries.Count > 0)
            {
                EnsureSpace();
            }
            mark = Stats.Lap(WriterStage.Build, mark);
            if (view.Entries.Count > 0)
            {
                InjectFault(FaultPoint.Journal);
                _journal!.AppendDurably(view.Entries);
            }
            mark = Stats.Lap(WriterStage.Journal, mark);
        }
        catch (Exception ex)
        {
            // Nothing of the batch is anywhere: the journal refused it (it leaves no half line) or building it failed.
            var storage = ex is IOException or UnauthorizedAccessException or LiteException;
            if (storage)
            {
                EnterFault(ex, journalAhead: false);
                Interlocked.Add(ref _refusedAppends, batch.Count);
            }
            var failure = storage
                ? new StorageEnvironmentException($"the station database could not be written ({ex.Message}); nothing from this request was stored", ex)
                : ex;
            // Every caller of the batch, not only those built so far: one left out would wait for ever. Those whose
            // builder failed keep their own exception (TrySet is a no-op on them).
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(failure);
            }
            return;
        }
        if (view.Entries.Count == 0 && view.Side.Count == 0)
        {
            // Nothing to write. A batch of builders that had nothing to append is answered once LiteDB holds everything
            // before it (so `AppendAsync(_ => null)` waits for the applier); idempotent repeats are answered at once.
            if (done.All(d => d.Result is null))
            {
                WaitApplied();
            }
            Acknowledge(done);
            return;
        }
        if (view.Side.Count > 0 || view.AccountsChanged || view.Rebuild is not null)
        {
            var job = new ApplyJob(view, null, done);
            EnqueueApply(job);
            if (!WaitFinished(job))
            {
                FailAcknowledgeAfterCommit(done, ApplyFailure!);
            }
            mark = Stats.Lap(WriterStage.ApplierWait, mark);
        }
        else
        {
            var published = Publish(view);
            Acknowledge(done);
            mark = Stats.Lap(WriterStage.Acknowledge, mark);
            Acknowledged?.Invoke();
            EnqueueApply(new ApplyJob(view, published, null));
            mark = Stats.Lap(WriterStage.ApplierWait, mark);
        }
        if (_journal!.Length >= JournalCheckpointBytes && WaitApplied())
        {
            CheckpointIfJournalFull();
        }
        Stats.Lap(WriterStage.Checkpoint, mark);
    }

    /// <summary>Where the writer's time and allocations go, per step of the group commit.</summary>
    public WriterStats Stats { get; } = new();

    private void TryRollback()
    {
        try
        {
            InjectFault(FaultPoint.Rollback);
            _db.Rollback();
        }
        catch (Exception)
        {
            // The failure that led here is what the callers hear about. LiteDB could not undo its transaction: the
            // instance must never be disposed or dropped (see Reopen).
            _dbUnsafeToDispose = true;
        }
    }

    /// <summary>The batch is durable: readers see it from now on (the unapplied batches first, then the summaries and the head).</summary>
    private UnappliedBatch Publish(BatchView view)
    {
        var published = new UnappliedBatch(
            [.. view.Entries],
            new Dictionary<string, RecordSnapshot>(view.Changed, StringComparer.Ordinal),
            new Dictionary<string, long>(view.Counters, StringComparer.Ordinal),
            new Dictionary<string, (long Seq, string Request)>(view.Requests, StringComparer.Ordinal));
        PublishUnapplied(published);
        ApplyToSummaries(view);
        lock (_headLock)
        {
            _head = view.Head;
        }
        return published;
    }

    private static void Acknowledge(List<(PendingAppend Pending, AppendResult? Result)> done)
    {
        foreach (var (pending, result) in done)
        {
            pending.Done.TrySetResult(result);
        }
    }

    /// <summary>
    /// For tests: runs on the writer thread after a batch was acknowledged and before it is handed to the applier, the
    /// window in which readers are served from <see cref="UnappliedBatch"/> and a crash leaves the entries in the journal only.
    /// </summary>
    internal Action? Acknowledged { get; set; }

    // Acknowledged entries LiteDB does not hold yet, all unapplied batches merged; null when LiteDB holds everything
    // (replaced under the apply gate by the writer as it publishes and the applier as it commits).
    private volatile UnappliedBatch? _unapplied;

    /// <summary>
    /// The entry already stored for <paramref name="request"/>'s key, as the result the first call had (the record as that
    /// entry left it); null when the key is new. A key used for another request is refused.
    /// </summary>
    private AppendResult? Repeat(IdempotentRequest request, BatchView view)
    {
        var id = request.IndexId();
        var unapplied = _unapplied; // taken before LiteDB is read: whatever it lacks, this has
        (long Seq, string Request) prior;
        if (view.Requests.TryGetValue(id, out var staged))
        {
            prior = staged;
        }
        else if (unapplied is not null && unapplied.Requests.TryGetValue(id, out var acknowledged))
        {
            prior = acknowledged;
        }
        else if (ReadStored(() => _requests.FindById(id)) is { } doc)
        {
            prior = (doc["seq"].AsInt64, doc["request"].AsString);
        }
        else
        {
            return null;
        }
        if (prior.Request != request.Key.Request)
        {
            throw new IdempotencyConflictException(request.Key.Key, prior.Seq);
        }
        // The entry may have been staged earlier in this very batch, or wait for the applier (not in LiteDB yet).
        var entry = view.EntryAt(prior.Seq)
            ?? unapplied?.At(prior.Seq)
            ?? ReadStored(() => EntryFromBson(_ledger.FindById(prior.Seq)));
        var e = RecordEventCodec.Decode(entry.Content);
        RecordSnapshot? record = null;
        if (RecordEvent.IsRecordEntry(e.Type))
        {
            var history = ReadStored(() => WithUnapplied(EntriesOf(entry.RecordId), unapplied, entry.RecordId))
                .Concat(view.Entries.Where(x => x.RecordId == entry.RecordId).Select(x => (x, RecordEventCodec.Decode(x.Content))));
            foreach (var (past, pastEvent) in history.Where(h => h.Item1.Seq <= prior.Seq))
            {
                record = RecordProjector.Apply(record, pastEvent, past.Seq);
            }
        }
        return new AppendResult(entry, e, record) { Repeated = true };
    }

    private sealed record PendingAppend(Func<ILedgerView, RecordEvent?> Build, IdempotentRequest? Request)
    {
        public bool Rebuild { get; init; }

        /// <summary>Not an append: the applier woke the writer after a refused commit.</summary>
        public bool Wake { get; init; }

        public TaskCompletionSource<AppendResult?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The acknowledged state (LiteDB and the batches waiting for the applier) plus what this batch has changed so far.
    /// <paramref name="databaseOnly"/>: a replay of the journal, whose entries the unapplied batches may already hold.
    /// </summary>
    private sealed class BatchView(LedgerStore store, bool databaseOnly = false) : ILedgerView
    {
        public Dictionary<string, RecordSnapshot> Changed { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (long Seq, string Request)> Requests { get; } = new(StringComparer.Ordinal);
        public List<LedgerEntry> Entries { get; } = [];
        public SideWrites Side { get; } = new();
        public LedgerHead Head { get; set; } = store.Head;

        /// <summary>An account entry is in the batch: the users part of the digest is read again.</summary>
        public bool AccountsChanged { get; set; }

        /// <summary>Set by a rebuild's builder: the state to store in place of the projection.</summary>
        public DerivedState? Rebuild { get; set; }

        // The collection as the writer left it (proven on open, written by nobody else): a miss is a new record, without
        // the ledger index lookup a reader's Find makes to tell a lost record from a new one (most of a create's build time).
        public RecordSnapshot? Find(string recordId)
        {
            if (Changed.TryGetValue(recordId, out var s))
            {
                return s;
            }
            if (_allocated.Contains(recordId))
            {
                return null; // numbered by this batch just now: the counters (proven on open) say no record has it
            }
            if (!databaseOnly && store._unapplied is { } unapplied && unapplied.Records.TryGetValue(recordId, out var acknowledged))
            {
                // A copy: this batch folds its entry into what it gets, and the applier may be writing that batch's
                // snapshot into LiteDB right now. The apply reads LiteDB's version then, after the batch that changed it.
                return acknowledged.Copy();
            }
            // Not in an unapplied batch, so LiteDB holds its latest version, and still will when the applier applies this batch.
            var doc = store.ReadStored(() => store._records.FindById(recordId));
            Applied[recordId] = doc;
            return doc is null ? null : SnapshotBson.FromBson(doc);
        }

        /// <summary>Each record this batch read from LiteDB (null: new): the apply toggles it out of the digest without reading it again.</summary>
        public Dictionary<string, BsonDocument?> Applied { get; } = new(StringComparer.Ordinal);

        public LedgerEntry? EntryAt(long seq) =>
            Entries.Count > 0 && seq >= Entries[0].Seq && seq - Entries[0].Seq < Entries.Count ? Entries[(int)(seq - Entries[0].Seq)] : null;

        public string NextRecordId(RecordType type, int year)
        {
            var key = RecordIdAllocator.CounterKey(type, year);
            if (!_taken.TryGetValue(key, out var n) && !Counters.TryGetValue(key, out n))
            {
                n = store.AcknowledgedCounter(key, databaseOnly);
            }
            _taken[key] = ++n;
            var id = RecordIdAllocator.Format(key, n);
            _allocated.Add(id);
            return id;
        }

        private readonly HashSet<string> _allocated = new(StringComparer.Ordinal);

        // Numbers handed to the builder running now: they count only once its entry is accepted.
        private readonly Dictionary<string, long> _taken = new(StringComparer.Ordinal);

        /// <summary>The running builder returned an entry: its numbers and side writes count.</summary>
        public void Accept()
        {
            foreach (var (key, n) in _taken)
            {
                Counters[key] = n;
            }
            _taken.Clear();
            Side.Accept();
        }

        /// <summary>The running builder threw or returned nothing: its numbers and side writes are dropped.</summary>
        public void Reject()
        {
            _taken.Clear();
            Side.Discard();
        }
    }

    /// <summary>The side-write batch of the running builder (Accounts/UserStore writes the <c>users</c> collection through it).</summary>
    internal static SideWrites SideWritesOf(ILedgerView view) =>
        view is BatchView batch ? batch.Side : throw new InvalidOperationException("side writes are made only from inside an append's builder");
}
