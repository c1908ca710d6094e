using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// What the writer does when a write fails (a full disk above all): it stops taking appends, keeps reads going, and
/// retries with a bounded backoff on the store's clock until a retry writes again. A retry first proves the file
/// system takes a real write (a probe file, fsync'ed), then reopens LiteDB if it gave up, then applies what the journal
/// holds and the database lacks (the batch whose commit was refused). Only then are appends taken again.
/// </summary>
public sealed partial class LedgerStore
{
    /// <summary>The first retry after a fault; each failed retry doubles the wait, up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    internal const string ProbeFileName = "station.probe";
    private const int ProbeBytes = 256 * 1024; // a few LiteDB pages and journal lines with room to spare

    private readonly Lock _faultLock = new();
    private TaskCompletionSource _faultChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile StoreFault? _fault;
    private volatile bool _dbDead; // LiteDB gave up after a failed write and must be reopened (set by the thread that met it)
    private TimeProvider _time = TimeProvider.System;
    private long _faults;
    private long _recoveries;
    private long _refusedAppends;

    /// <summary>
    /// For tests: called at each <see cref="FaultPoint"/> of a batch; an exception it returns is what the write met there.
    /// LiteDB's transaction is rolled back first, as a commit the disk refused leaves nothing in the database.
    /// </summary>
    internal Func<FaultPoint, Exception?>? FaultInjection { get; set; }

    /// <summary>
    /// For tests: runs in <see cref="AppendAsync"/> after its checks, just before the append is queued, on the caller's
    /// thread: the instant in which a fault can begin behind an append that was let through.
    /// </summary>
    internal Action? Enqueuing { get; set; }

    private void InjectFault(FaultPoint point)
    {
        if (FaultInjection?.Invoke(point) is { } ex)
        {
            throw ex;
        }
    }

    /// <summary>Null while writes are taken; otherwise why not, since when, and when the next retry runs.</summary>
    public StoreFault? Fault => _fault;

    /// <summary>Completes at the next change of <see cref="Fault"/> (entered, retry scheduled, retry ran, cleared).</summary>
    public Task FaultChanged
    {
        get
        {
            lock (_faultLock)
            {
                return _faultChanged.Task;
            }
        }
    }

    /// <summary>Faults entered since the store opened.</summary>
    public long FaultCount => Interlocked.Read(ref _faults);

    /// <summary>Faults the writer recovered from by itself.</summary>
    public long RecoveryCount => Interlocked.Read(ref _recoveries);

    /// <summary>Appends refused or failed because of a fault.</summary>
    public long RefusedAppendCount => Interlocked.Read(ref _refusedAppends);

    private void SetFault(StoreFault? fault)
    {
        TaskCompletionSource changed;
        lock (_faultLock)
        {
            _fault = fault;
            changed = _faultChanged;
            _faultChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    private StorageEnvironmentException Refusal(StoreFault fault)
    {
        Interlocked.Increment(ref _refusedAppends);
        return new StorageEnvironmentException(
            $"the station database cannot be written now ({fault.Reason} since {fault.Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: {fault.Detail}); " +
            "this attempt was not stored. The station retries by itself and takes writes again once there is space");
    }

    /// <summary>Writer thread, after a failed write. <paramref name="journalAhead"/>: the journal holds entries the database lacks.</summary>
    private void EnterFault(Exception ex, bool journalAhead)
    {
        var previous = _fault;
        if (previous is null)
        {
            Interlocked.Increment(ref _faults);
        }
        SetFault(new StoreFault(StoreFault.Classify(ex), ex.Message, previous?.Since ?? _time.GetUtcNow())
        {
            Attempts = previous?.Attempts ?? 0,
            JournalAhead = journalAhead || previous?.JournalAhead == true,
        });
    }

    private void FailWaiting(Exception failure)
    {
        while (_queue.TryTake(out var waiting))
        {
            if (!waiting.Wake)
            {
                waiting.Done.TrySetException(failure);
            }
        }
    }

    /// <summary>
    /// Writer thread, while <see cref="Fault"/> is set: waits (backoff on the store's clock) and retries until a retry
    /// succeeds or the store is disposed. An append that passed <see cref="AppendAsync"/>'s fault check just before the
    /// fault began is still queued: it is refused as soon as it arrives, never held until the retry (issue 19: on a clock
    /// nobody advances, or a disk that stays full, its caller waited for ever).
    /// </summary>
    private void RecoverLoop()
    {
        var delay = FirstRetryDelay;
        while (_fault is { } fault)
        {
            FailWaiting(Refusal(fault));
            if (_queue.IsAddingCompleted)
            {
                return; // closing: what the database lacks stays in the journal for the next open
            }
            using var due = new CancellationTokenSource();
            using (_time.CreateTimer(RetryDue, due, delay, Timeout.InfiniteTimeSpan))
            {
                SetFault(fault with { NextAttemptAt = _time.GetUtcNow() + delay });
                RefuseUntil(due.Token);
            }
            if (_queue.IsAddingCompleted)
            {
                return;
            }
            var attempt = _fault! with { Attempts = _fault.Attempts + 1, NextAttemptAt = null };
            SetFault(attempt);
            if (TryRecover() is not { } failure)
            {
                Interlocked.Increment(ref _recoveries);
                SetFault(null);
                return;
            }
            SetFault(attempt with { Kind = StoreFault.Classify(failure), Detail = failure.Message });
            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    private static void RetryDue(object? due)
    {
        try
        {
            ((CancellationTokenSource)due!).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // A system timer's callback may run after the wait it ended is over.
        }
    }

    /// <summary>
    /// Until the retry is due or the store closes (Dispose completes the queue): every append that arrives is refused
    /// at once.
    /// </summary>
    private void RefuseUntil(CancellationToken due)
    {
        try
        {
            while (_queue.TryTake(out var waiting, Timeout.Infinite, due))
            {
                if (!waiting.Wake)
                {
                    waiting.Done.TrySetException(Refusal(_fault!));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The retry is due.
        }
    }

    /// <summary>One retry; null when the store takes writes again, else why not.</summary>
    private Exception? TryRecover()
    {
        try
        {
            Probe();
            EnsureSpace();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex;
        }
        // The applier must be still: done with what it took (a journal refusal can begin while it commits earlier
        // batches), or stopped by its own refusal. Only then may this thread write LiteDB.
        WaitApplied();
        try
        {
            if (_dbDead)
            {
                lock (_dbGate)
                {
                    Reopen();
                }
            }
            if (Replay(_journal!.ReadAll()) is { } view)
            {
                ApplyToSummaries(view);
            }
            ResumeApplier(); // LiteDB holds everything the journal holds: the unapplied batches are in it
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException or StorageEnvironmentException or InvalidOperationException)
        {
            _dbDead = true; // whatever LiteDB made of the failure, a fresh instance starts from what is on disk
            return ex;
        }
    }

    /// <summary>
    /// Free space below which a batch is refused before anything is written. LiteDB 5 does not survive a commit that
    /// the disk refuses (its transaction's finalizer throws later and ends the process, LiteDB issue #2574), so the
    /// writer stops while the journal and LiteDB can still both write whole; only a disk filled by someone else
    /// within the same instant reaches LiteDB's failure, and then systemd restarts the service and the start replays
    /// the journal.
    /// </summary>
    public const long ReserveBytes = 1024 * 1024;

    private void EnsureSpace()
    {
        long free;
        try
        {
            free = new DriveInfo(DataDir).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return; // cannot tell: let the write find out
        }
        if (free < ReserveBytes)
        {
            throw new IOException(
                $"No space left on device: {free / 1024} KB free in {DataDir}, below the {ReserveBytes / 1024} KB the station keeps in reserve", 28);
        }
    }

    /// <summary>A real write of <see cref="ProbeBytes"/>, fsync'ed and removed: free space the file system actually grants.</summary>
    private void Probe()
    {
        var path = Path.Combine(DataDir, ProbeFileName);
        try
        {
            using var probe = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            probe.Write(new byte[ProbeBytes]);
            probe.Flush(flushToDisk: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>After a refused commit, so that reads go on: a fresh LiteDB instance over what is on disk.</summary>
    private void TryReopenForReads()
    {
        try
        {
            lock (_dbGate)
            {
                Reopen();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            // Reads fail until a retry reopens it.
        }
    }

    private void Reopen()
    {
        ReleaseDatabase();
        Bind(NewDatabase()); // the head stays the acknowledged one: what LiteDB lacks of it is in the journal and the unapplied batch
        _dbDead = false;
    }

    /// <summary>
    /// Disposes the current LiteDB instance, or keeps it for the life of the process when LiteDB could not undo a
    /// transaction (a commit refused half-way, then its rollback too) or throws while disposing. LiteDB 5 then leaves a
    /// transaction that is still finalizable; dropped, its finalizer throws on the finalizer thread later and ends the
    /// process ("discarded page must be writable", litedb-org/LiteDB#2828; seen once in a loaded test run, minutes
    /// after a refused commit). Kept reachable, it is never finalized. One instance per refused commit, which is rare
    /// (the retry probes for space before it writes).
    /// </summary>
    private void ReleaseDatabase()
    {
        var db = _db;
        if (_dbUnsafeToDispose)
        {
            AbandonedLiteDb.Keep(db);
            AbandonedDatabases++;
            _dbUnsafeToDispose = false;
            return;
        }
        try
        {
            db.Dispose();
        }
        catch (Exception ex) when (ex is IOException or LiteException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            AbandonedLiteDb.Keep(db); // half disposed: the same danger
            AbandonedDatabases++;
        }
    }

    /// <summary>LiteDB instances this store kept instead of disposing (see <see cref="ReleaseDatabase"/>).</summary>
    internal int AbandonedDatabases { get; private set; }

    // Set by the thread whose rollback failed; read by the one that next releases the instance.
    private volatile bool _dbUnsafeToDispose;

    /// <summary>
    /// Writer thread, after a commit: past <see cref="JournalCheckpointBytes"/>, a LiteDB checkpoint (which waits for
    /// its log writer, copies the log into station.db and fsyncs it) makes every committed entry durable in the
    /// database itself, so the journal can be emptied. A failed checkpoint leaves the journal as it is.
    /// </summary>
    private void CheckpointIfJournalFull()
    {
        if (_journal!.Length < JournalCheckpointBytes)
        {
            return;
        }
        try
        {
            lock (_dbGate)
            {
                _db.Checkpoint();
            }
            _journal.Clear();
            Interlocked.Increment(ref _checkpoints);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            // Everything is still in the journal (and LiteDB's log): a fault like a refused commit, minus the refused entries.
            _dbDead = true;
            EnterFault(ex, journalAhead: false);
            TryReopenForReads();
        }
    }

    private long _checkpoints;

    /// <summary>Checkpoints the writer made to keep the journal short (each one emptied it).</summary>
    public long JournalCheckpointCount => Interlocked.Read(ref _checkpoints);

    private void ApplyToSummaries(BatchView view)
    {
        lock (_summaryLock)
        {
            if (_summaryIndex is { } index)
            {
                index.Apply(view.Changed.Values.Select(EdgeStation.Storage.Records.RecordSummary.From), view.Head);
                _summaries = index.Current;
            }
        }
    }
}
