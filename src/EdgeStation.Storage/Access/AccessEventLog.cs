using System.Threading.Channels;
using EdgeStation.Domain.Doors;
using EdgeStation.Storage.Ledger;
using LiteDB;

namespace EdgeStation.Storage.Access;

/// <summary>
/// The access event log (门禁记录): door events go into a bounded in-memory queue that never blocks the door
/// (<see cref="Enqueue"/>), and a writer drains it in batches into its own LiteDB file, access.db in the data dir, apart
/// from the ledger and its group commit (ARCHITECTURE invariant 4). When the file cannot be written (disk full, held by
/// another process, unreadable) the batch stays in memory and is tried again with backoff; while that lasts the queue
/// fills, and what does not fit is dropped and counted (<see cref="AccessLogStats.Dropped"/>), so the loss is bounded by
/// the queue's capacity and shown in /metrics. Events older than the retention (default 180 days) are purged daily.
/// Below <see cref="ReserveBytes"/> of free space nothing is written (<see cref="DiskReserve"/>), so LiteDB never meets
/// a full disk; should a write fail all the same, its instance is kept, never disposed (<see cref="AbandonedLiteDb"/>).
/// </summary>
public sealed class AccessEventLog : IDisposable
{
    public const string FileName = "access.db";
    public const string Collection = "events";
    public const int DefaultCapacity = 10_000;
    public const int BatchMax = 500;
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(180);
    public static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan PurgeEvery = TimeSpan.FromDays(1);

    /// <summary>
    /// Default free space kept: a batch of <see cref="BatchMax"/> events is a few hundred KB in LiteDB's log file, and a
    /// checkpoint copies up to its 1,000 pages (8 MB, mostly over pages already there) into access.db. Larger than the
    /// ledger's reserve (<see cref="LedgerStore.ReserveBytes"/>), so a filling disk stops the door log first and
    /// records keep their room.
    /// </summary>
    public const long DefaultReserveBytes = 4 * 1024 * 1024;

    /// <summary>Failed LiteDB writes (instances kept, never disposed) after which the log writes nothing until a restart.</summary>
    public const int MaxAbandoned = 4;

    private readonly Channel<AccessEvent> _queue;
    private readonly List<AccessEvent> _batch = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private LiteDatabase? _db;
    private long _written;
    private long _dropped;
    private long _failures;
    private long _purged;
    private int _waiting;
    private string? _lastError;
    private long? _lastPurge;
    private int _abandoned;
    private bool _disposed;

    /// <param name="reserveBytes">Free space below which nothing is written (default <see cref="DefaultReserveBytes"/>; 0 turns the check off).</param>
    public AccessEventLog(string dataDir, TimeProvider time, int capacity = DefaultCapacity, TimeSpan? retention = null, long reserveBytes = DefaultReserveBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Path = System.IO.Path.Combine(dataDir, FileName);
        _time = time;
        Retention = retention ?? DefaultRetention;
        ArgumentOutOfRangeException.ThrowIfLessThan(Retention, TimeSpan.FromDays(1), nameof(retention));
        Capacity = capacity;
        ArgumentOutOfRangeException.ThrowIfNegative(reserveBytes);
        ReserveBytes = reserveBytes;
        DataDir = dataDir;
        _queue = Channel.CreateBounded<AccessEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false instead of waiting: counted as dropped
            SingleReader = true,
        });
    }

    public string Path { get; }
    public int Capacity { get; }
    public TimeSpan Retention { get; }
    public long ReserveBytes { get; }
    public string DataDir { get; }

    public AccessLogStats Stats
    {
        get
        {
            string? error;
            lock (_gate)
            {
                error = _lastError;
            }
            return new AccessLogStats(Interlocked.Read(ref _written), Volatile.Read(ref _waiting), Interlocked.Read(ref _dropped),
                Interlocked.Read(ref _failures), Interlocked.Read(ref _purged), error);
        }
    }

    /// <summary>Queues an event without waiting (called on the door's thread); false when the queue is full and it was dropped.</summary>
    public bool Enqueue(AccessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_queue.Writer.TryWrite(e))
        {
            Interlocked.Increment(ref _waiting);
            return true;
        }
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>
    /// Writes what waits, a batch per transaction, until the queue is empty or a write fails (then the batch is kept for
    /// the next call and the failure recorded). Returns how many were written. The writer loop calls it; so can tests.
    /// </summary>
    public int WriteQueued()
    {
        var written = 0;
        lock (_gate)
        {
            while (!_disposed)
            {
                if (_batch.Count == 0)
                {
                    while (_batch.Count < BatchMax && _queue.Reader.TryRead(out var e))
                    {
                        _batch.Add(e);
                    }
                }
                if (_batch.Count == 0)
                {
                    break;
                }
                try
                {
                    WriteLocked(db => Events(db).Insert(_batch.Select(AccessEventBson.ToDocument)));
                }
                catch (Exception ex) when (IsEnvironment(ex))
                {
                    Fail(ex);
                    break;
                }
                written += _batch.Count;
                Interlocked.Add(ref _written, _batch.Count);
                Interlocked.Add(ref _waiting, -_batch.Count);
                _batch.Clear();
                _lastError = null;
            }
        }
        return written;
    }

    /// <summary>Deletes events older than the retention; returns how many. A failure is recorded like a failed write.</summary>
    public int Purge()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return 0;
            }
            try
            {
                var cutoff = (_time.GetUtcNow() - Retention).UtcDateTime;
                var n = WriteLocked(db => Events(db).DeleteMany(Query.LT(AccessEventBson.At, cutoff)));
                Interlocked.Add(ref _purged, n);
                _lastPurge = _time.GetTimestamp();
                return n;
            }
            catch (Exception ex) when (IsEnvironment(ex))
            {
                Fail(ex);
                return 0;
            }
        }
    }

    /// <summary>
    /// The newest events first, at most <paramref name="limit"/>, since <paramref name="since"/> and of one door if asked.
    /// Throws <see cref="StorageEnvironmentException"/> when access.db cannot be read now.
    /// </summary>
    public IReadOnlyList<StoredAccessEvent> Recent(int limit, DateTimeOffset? since = null, int? door = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_db is null && !File.Exists(Path))
            {
                return []; // nothing written yet: a read must not create the file (the disk may be full)
            }
            try
            {
                var result = new List<StoredAccessEvent>(Math.Min(limit, 1000));
                foreach (var doc in Events(OpenLocked()).Find(Query.All("_id", Query.Descending)))
                {
                    var stored = AccessEventBson.FromDocument(doc);
                    if (since is { } s && stored.Event.At < s)
                    {
                        break;
                    }
                    if (door is { } d && stored.Event.Door != d)
                    {
                        continue;
                    }
                    result.Add(stored);
                    if (result.Count == limit)
                    {
                        break;
                    }
                }
                return result;
            }
            catch (Exception ex) when (IsEnvironment(ex))
            {
                if (_db is { } db)
                {
                    // A failed read may leave its cursor's transaction open too: the instance is kept, never disposed.
                    _db = null;
                    Abandon(db);
                }
                Fail(ex);
                throw new StorageEnvironmentException($"the access event log {Path} cannot be read now: {Describe(ex)}", ex);
            }
        }
    }

    /// <summary>
    /// The writer: waits for events, writes them, backs off while storage refuses (the queue keeps filling meanwhile),
    /// purges once a day, and writes what is left when stopped.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var backoff = MinBackoff;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (_batch.Count == 0)
                {
                    await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false);
                }
                var failures = Interlocked.Read(ref _failures);
                WriteQueued();
                if (PurgeDue())
                {
                    Purge();
                }
                if (Interlocked.Read(ref _failures) > failures)
                {
                    await Task.Delay(backoff, _time, stop).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
                else
                {
                    backoff = MinBackoff;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }
        WriteQueued();
    }

    private bool PurgeDue()
    {
        lock (_gate)
        {
            return _db is not null && (_lastPurge is not { } last || _time.GetElapsedTime(last) >= PurgeEvery);
        }
    }

    private LiteDatabase OpenLocked()
    {
        if (_db is { } open)
        {
            return open;
        }
        var file = new FileInfo(Path);
        if (file.Exists && file.Length == 0)
        {
            file.Delete(); // a full disk at creation leaves an empty file; it holds no event
        }
        try
        {
            DatabaseFileCheck.EnsureLiteDb(Path);
        }
        catch (StorageEnvironmentException ex)
        {
            throw new StorageEnvironmentException($"{Path} is not an access event log ({ex.Message}); move it aside: doors keep working and events wait in memory", ex);
        }
        if (!File.Exists(Path))
        {
            EnsureWritable(); // a new file: its header and the index below are writes
        }
        var db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct });
        try
        {
            Events(db).EnsureIndex(AccessEventBson.At);
        }
        catch
        {
            Abandon(db);
            throw;
        }
        return _db = db;
    }

    /// <summary>
    /// One write, in LiteDB's own transaction, after the free-space check. A write LiteDB fails may leave that
    /// transaction behind: the instance is abandoned, not disposed, and the next attempt opens a fresh one.
    /// </summary>
    private T WriteLocked<T>(Func<LiteDatabase, T> write)
    {
        var db = OpenLocked();
        EnsureWritable();
        try
        {
            return write(db);
        }
        catch
        {
            _db = null;
            Abandon(db);
            throw;
        }
    }

    /// <summary>Refuses (nothing written) below the reserve (<see cref="DiskReserveException"/>) or after too many failed writes.</summary>
    private void EnsureWritable()
    {
        if (_abandoned >= MaxAbandoned)
        {
            throw new StorageEnvironmentException(
                $"{MaxAbandoned} writes to {Path} failed inside LiteDB; the log writes again after a restart of the service (doors keep working)");
        }
        DiskReserve.Ensure(DataDir, ReserveBytes, "the ledger and the access event log");
    }

    private void Abandon(LiteDatabase db)
    {
        _abandoned++;
        AbandonedLiteDb.Keep(db);
    }

    private static ILiteCollection<BsonDocument> Events(LiteDatabase db) => db.GetCollection(Collection, BsonAutoId.Int64);

    /// <summary>
    /// Records the failure. A write refused before LiteDB was reached leaves the open instance as it is; one LiteDB
    /// failed has been abandoned already (<see cref="WriteLocked"/>), so the next attempt opens the file afresh.
    /// </summary>
    private void Fail(Exception ex)
    {
        Interlocked.Increment(ref _failures);
        _lastError = Describe(ex);
    }

    private static bool IsEnvironment(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or StorageEnvironmentException || StoredDataException.IsDamage(ex);

    private static string Describe(Exception ex) => ex switch
    {
        DiskReserveException reserve => $"disk full: {reserve.Message}",
        IOException io when io.HResult == 28 || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => "disk full",
        IOException io when io.Message.Contains("another process", StringComparison.OrdinalIgnoreCase) => "held by another process",
        _ => ex.Message,
    };

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _queue.Writer.TryComplete();
            try
            {
                _db?.Dispose();
            }
            catch (Exception ex) when (IsEnvironment(ex))
            {
                // As in Fail: nothing more to do with a file that cannot be closed cleanly.
            }
            _db = null;
        }
    }
}
