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
    private bool _disposed;

    public AccessEventLog(string dataDir, TimeProvider time, int capacity = DefaultCapacity, TimeSpan? retention = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Path = System.IO.Path.Combine(dataDir, FileName);
        _time = time;
        Retention = retention ?? DefaultRetention;
        ArgumentOutOfRangeException.ThrowIfLessThan(Retention, TimeSpan.FromDays(1), nameof(retention));
        Capacity = capacity;
        _queue = Channel.CreateBounded<AccessEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then answers false instead of waiting: counted as dropped
            SingleReader = true,
        });
    }

    public string Path { get; }
    public int Capacity { get; }
    public TimeSpan Retention { get; }

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
                    var events = Events(OpenLocked());
                    events.Insert(_batch.Select(AccessEventBson.ToDocument));
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
                var n = Events(OpenLocked()).DeleteMany(Query.LT(AccessEventBson.At, cutoff));
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
        var db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct });
        try
        {
            Events(db).EnsureIndex(AccessEventBson.At);
        }
        catch
        {
            db.Dispose();
            throw;
        }
        return _db = db;
    }

    private static ILiteCollection<BsonDocument> Events(LiteDatabase db) => db.GetCollection(Collection, BsonAutoId.Int64);

    /// <summary>Records the failure and closes the file: the next attempt opens it afresh (a full disk may have left LiteDB mid-write).</summary>
    private void Fail(Exception ex)
    {
        Interlocked.Increment(ref _failures);
        _lastError = Describe(ex);
        var db = _db;
        _db = null;
        try
        {
            db?.Dispose();
        }
        catch (Exception close) when (IsEnvironment(close))
        {
            // Closing a file on a full disk can fail too; the handle is gone either way.
        }
    }

    private static bool IsEnvironment(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or StorageEnvironmentException || StoredDataException.IsDamage(ex);

    private static string Describe(Exception ex) => ex switch
    {
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
