using EdgeStation.Storage.Verification;
using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The applier thread (issue 19): it writes acknowledged batches into LiteDB behind the writer, so that the writer can
/// build and journal the next batch while LiteDB commits the last one. Batches waiting for it are published in
/// <see cref="_unapplied"/> (readers and the writer's builders see them there) and retired from it once committed.
/// It takes every batch that waits and commits them in one LiteDB transaction. A refused commit stops it: the writer
/// enters the fault and its retry applies every waiting batch from the journal (LedgerStore.Faults.cs).
/// </summary>
public sealed partial class LedgerStore
{
    /// <summary>Batches the writer may be ahead of LiteDB; at this many it waits for the applier.</summary>
    // 64, not 4: LiteDB checkpoints its log into station.db inside a commit now and then (every 1,000 pages, about 70
    // single appends), and that commit takes milliseconds. Four batches ahead, one writer caught up with the applier
    // within it and waited: its p99 was 3.9 ms. Sixty-four let it run on while the applier's next group catches up.
    internal const int MaxUnapplied = 64;

    /// <summary>Entries the writer may be ahead of LiteDB (they are held in memory for readers until applied).</summary>
    internal const int MaxUnappliedEntries = 2048;

    /// <summary>Entries the applier puts into one LiteDB transaction at most (it takes whole batches).</summary>
    private const int MaxGroupEntries = 512;

    // Guards everything below; the writer and the applier wait on it (Monitor) for each other.
    private readonly object _applyGate = new();
    private readonly Queue<ApplyJob> _applyQueue = new();
    private readonly List<UnappliedBatch> _unappliedBatches = []; // published and not yet committed, oldest first
    private int _applying; // jobs the applier took and has not finished
    private int _queuedEntries; // entries of the jobs queued or being applied
    private Exception? _applyFailure; // the commit LiteDB refused; the applier waits until the writer's retry clears it
    private bool _applierStopping;
    private Thread? _applier;

    /// <summary>
    /// For tests: runs on the applier thread before it applies what it took, the window in which the writer runs ahead of
    /// LiteDB and every read is served from the unapplied batches.
    /// </summary>
    internal Action? Applying { get; set; }

    /// <summary>A built and journaled batch for the applier; <paramref name="AcknowledgeAfterCommit"/>: its callers (in
    /// <paramref name="Done"/>) hear after its commit, and it is published to readers only then.</summary>
    private sealed record ApplyJob(
        BatchView View,
        UnappliedBatch? Published,
        List<(PendingAppend Pending, AppendResult? Result)>? AcknowledgeAfterCommit)
    {
        /// <summary>The applier committed it, or refused it and told its callers (guarded by the gate).</summary>
        public bool Finished { get; set; }
    }

    private void StartApplier()
    {
        _applier = new Thread(ApplierLoop) { IsBackground = true, Name = "ledger-applier" };
        _applier.Start();
    }

    private void ApplierLoop()
    {
        var group = new List<ApplyJob>();
        while (true)
        {
            lock (_applyGate)
            {
                while (_applyFailure is not null || _applyQueue.Count == 0)
                {
                    if (_applierStopping)
                    {
                        return; // drained, or refused: what LiteDB lacks is in the journal for the next open
                    }
                    Monitor.Wait(_applyGate);
                }
                group.Clear();
                // A batch acknowledged after its commit goes alone: its callers hear of that commit, not a later one's.
                group.Add(_applyQueue.Dequeue());
                var entries = group[0].View.Entries.Count;
                // Bounded: readers wait for LiteDB while a group is applied (about 0.1 ms an entry).
                while (group[0].AcknowledgeAfterCommit is null && entries < MaxGroupEntries &&
                    _applyQueue.TryPeek(out var next) && next.AcknowledgeAfterCommit is null)
                {
                    group.Add(_applyQueue.Dequeue());
                    entries += next.View.Entries.Count;
                }
                _applying = group.Count;
            }
            var failure = ApplyGroup(group);
            lock (_applyGate)
            {
                _applying = 0;
                foreach (var job in group)
                {
                    job.Finished = true;
                    _queuedEntries -= job.View.Entries.Count;
                }
                if (failure is null)
                {
                    RetireUnapplied(group);
                }
                else
                {
                    _applyFailure = failure;
                }
                Monitor.PulseAll(_applyGate);
            }
            if (failure is not null)
            {
                WakeWriter();
            }
        }
    }

    /// <summary>Applier thread: one LiteDB transaction for the whole group; null when it committed, else what refused it.</summary>
    private Exception? ApplyGroup(List<ApplyJob> group)
    {
        Applying?.Invoke();
        var mark = WriterStats.Mark();
        var entries = 0;
        StateDigest digest;
        Exception? refused = null;
        lock (_dbGate)
        {
            try
            {
                _db.BeginTrans();
                digest = _digest.Clone();
                foreach (var job in group)
                {
                    digest = ApplyToDatabase(job.View, digest);
                    entries += job.View.Entries.Count;
                }
                mark = Stats.Lap(WriterStage.Apply, mark);
                InjectFault(FaultPoint.Commit);
                _db.Commit();
            }
            catch (Exception ex)
            {
                TryRollback();
                // The entries are durable in the journal: the writer's retry (or the next open) applies them, and until then
                // readers are served from the unapplied batches. A fresh instance first, so that reads go on meanwhile.
                _dbDead = true;
                TryReopenForReads();
                refused = ex;
                digest = _digest;
            }
        }
        if (refused is not null)
        {
            if (group[0].AcknowledgeAfterCommit is { } waiting)
            {
                FailAcknowledgeAfterCommit(waiting, refused);
            }
            return refused;
        }
        _digest = digest;
        foreach (var job in group)
        {
            if (job.AcknowledgeAfterCommit is { } done)
            {
                if (job.View.Rebuild is not null)
                {
                    AfterRebuild();
                }
                else
                {
                    ApplyToSummaries(job.View);
                }
                lock (_headLock)
                {
                    _head = job.View.Head;
                }
                Acknowledge(done);
            }
        }
        Stats.Lap(WriterStage.Commit, mark);
        Stats.Committed(entries);
        return null;
    }

    /// <summary>
    /// Callers of a batch acknowledged after its commit, which LiteDB refused (or never reached): their entries are in the
    /// journal and are applied by the retry, so they cannot be told it did not count (hence the idempotency key, docs/ledger.md).
    /// </summary>
    private void FailAcknowledgeAfterCommit(List<(PendingAppend Pending, AppendResult? Result)> done, Exception ex)
    {
        Interlocked.Add(ref _refusedAppends, done.Count);
        var failure = new StorageEnvironmentException(
            $"the station database refused a commit ({ex.Message}); the entries are in {LedgerJournal.FileName} and are applied once the disk " +
            "takes writes again (the station retries by itself), so this write may yet be stored", ex);
        foreach (var (pending, _) in done)
        {
            pending.Done.TrySetException(failure);
        }
    }

    /// <summary>Writer thread: a published batch (or one acknowledged after its commit) to the applier; waits while it is <see cref="MaxUnapplied"/> behind.</summary>
    private void EnqueueApply(ApplyJob job)
    {
        lock (_applyGate)
        {
            while (_applyFailure is null && (_applyQueue.Count + _applying >= MaxUnapplied || _queuedEntries >= MaxUnappliedEntries))
            {
                WaitingForRoom = true;
                Monitor.Wait(_applyGate);
            }
            WaitingForRoom = false;
            _applyQueue.Enqueue(job); // even behind a refusal: the retry clears the queue once it applied the journal
            _queuedEntries += job.View.Entries.Count;
            Monitor.PulseAll(_applyGate);
        }
    }

    /// <summary>Writer thread: waits until <paramref name="job"/> is finished; false when the applier was refused before it.</summary>
    private bool WaitFinished(ApplyJob job)
    {
        lock (_applyGate)
        {
            while (!job.Finished && _applyFailure is null)
            {
                Monitor.Wait(_applyGate);
            }
            return job.Finished;
        }
    }

    /// <summary>Writer thread: waits until LiteDB holds every acknowledged entry; false when the applier was refused meanwhile.</summary>
    private bool WaitApplied()
    {
        lock (_applyGate)
        {
            while (_applyFailure is null && (_applyQueue.Count > 0 || _applying > 0))
            {
                Monitor.Wait(_applyGate);
            }
            return _applyFailure is null;
        }
    }

    /// <summary>For tests: the writer is waiting for the applier, <see cref="MaxUnapplied"/> batches ahead of it.</summary>
    internal bool WaitingForRoom { get; private set; }

    /// <summary>For tests: batches acknowledged and not yet in LiteDB.</summary>
    internal int UnappliedBatchCount
    {
        get
        {
            lock (_applyGate)
            {
                return _unappliedBatches.Count;
            }
        }
    }

    /// <summary>What the applier was refused, if it was (it has then stopped and holds nothing).</summary>
    private Exception? ApplyFailure
    {
        get
        {
            lock (_applyGate)
            {
                return _applyFailure;
            }
        }
    }

    /// <summary>
    /// Writer thread, once a retry applied everything the journal holds past LiteDB's head: the waiting batches are in
    /// LiteDB now, so they are dropped, and the applier takes work again.
    /// </summary>
    private void ResumeApplier()
    {
        lock (_applyGate)
        {
            _applyQueue.Clear();
            _queuedEntries = 0;
            _unappliedBatches.Clear();
            _unapplied = null;
            _applyFailure = null;
            Monitor.PulseAll(_applyGate);
        }
    }

    /// <summary>Writer thread, as it ends: the applier applies what waits (unless refused) and stops.</summary>
    private void StopApplier()
    {
        lock (_applyGate)
        {
            _applierStopping = true;
            Monitor.PulseAll(_applyGate);
        }
        _applier?.Join();
    }

    /// <summary>Writer thread: readers see <paramref name="batch"/> from now on, until the applier committed it.</summary>
    private void PublishUnapplied(UnappliedBatch batch)
    {
        lock (_applyGate)
        {
            _unappliedBatches.Add(batch);
            _unapplied = UnappliedBatch.Merge(_unappliedBatches);
        }
    }

    // Under the gate, after the group's commit: LiteDB holds what these batches held.
    private void RetireUnapplied(List<ApplyJob> group)
    {
        var retired = group.Count(j => j.Published is not null);
        if (retired == 0)
        {
            return;
        }
        if (retired > _unappliedBatches.Count || !ReferenceEquals(_unappliedBatches[retired - 1], group.Last(j => j.Published is not null).Published))
        {
            throw new InvalidOperationException("the applier committed batches out of the order they were published in");
        }
        _unappliedBatches.RemoveRange(0, retired);
        _unapplied = UnappliedBatch.Merge(_unappliedBatches);
    }

    /// <summary>After a refused commit (the applier's, or a caller's own journal write): the writer may be waiting for the next append, so it gets an empty one.</summary>
    private void WakeWriter()
    {
        try
        {
            _queue.Add(new PendingAppend(_ => null, null) { Wake = true });
        }
        catch (InvalidOperationException)
        {
            // Closing: the writer is on its way out and finds the refusal as it stops the applier.
        }
    }
}
