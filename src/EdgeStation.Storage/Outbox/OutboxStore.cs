using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Station;
using LiteDB;

namespace EdgeStation.Storage.Outbox;

/// <summary>
/// The sync outbox (待发件箱): envelopes waiting for the township center's acknowledgement, in their own LiteDB file
/// (outbox.db) so they never touch the ledger's group commit or its state digest. Bounded by bytes: when full, the
/// oldest health entries go first; a summary or ledger digest is never dropped, its enqueue is refused instead and the
/// "outbox full" alarm stays up until one is stored again. An acknowledged enqueue is on disk (a LiteDB checkpoint
/// after the commit), so it survives kill -9 and a power cut; an acknowledgement that is lost only means a resend,
/// which the center dedupes by (station, seq).
/// </summary>
public sealed class OutboxStore : IDisposable
{
    public const string FileName = "outbox.db";
    public const string LogFileName = "outbox-log.db";
    public const string LockFileName = "outbox.lock";
    public const long DefaultCapacityBytes = 64L * 1024 * 1024;

    /// <summary>What each entry's row costs beyond its payload (seq, kind, time, size, index keys), counted against capacity.</summary>
    public const int EntryOverheadBytes = 64;

    private const string MetaId = "meta";

    private readonly Lock _lock = new();
    private readonly LiteDatabase _db;
    private readonly FileStream _fileLock;
    private readonly ILiteCollection<BsonDocument> _entries;
    private readonly ILiteCollection<BsonDocument> _meta;
    private readonly ILiteCollection<BsonDocument> _cursors;
    private readonly TimeProvider _time;
    private OutboxMeta _state;
    private bool _disposed;

    private OutboxStore(string dataDir, LiteDatabase db, FileStream fileLock, long capacityBytes, TimeProvider time)
    {
        DataDir = dataDir;
        _db = db;
        _fileLock = fileLock;
        _time = time;
        CapacityBytes = capacityBytes;
        _entries = db.GetCollection("entries");
        _meta = db.GetCollection("meta");
        _cursors = db.GetCollection("cursors");
        _entries.EnsureIndex("healthSeq"); // health entries only, oldest first: the ones a full outbox drops
        _state = OutboxMeta.From(_meta.FindById(MetaId));
    }

    public string DataDir { get; }

    public long CapacityBytes { get; }

    /// <summary>
    /// Opens (creating if needed) the outbox of <paramref name="dataDir"/>. One process at a time (outbox.lock); the file
    /// and its log are owner-only like the rest of the data dir. Throws <see cref="StorageEnvironmentException"/> when the
    /// folder, the lock or the file cannot be had; a file that is not a LiteDB 5 database is left as it is.
    /// </summary>
    public static OutboxStore Open(string dataDir, long capacityBytes = DefaultCapacityBytes, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 64L * 1024, nameof(capacityBytes));
        var path = Path.Combine(dataDir, FileName);
        FileStream? fileLock = null;
        try
        {
            Directory.CreateDirectory(dataDir);
            fileLock = AcquireLock(dataDir);
            DatabaseFileCheck.EnsureLiteDb(path);
            var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
            try
            {
                OwnerOnly(path);
                OwnerOnly(Path.Combine(dataDir, LogFileName));
                return new OutboxStore(dataDir, db, fileLock, capacityBytes, time ?? TimeProvider.System);
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }
        catch (StorageEnvironmentException)
        {
            fileLock?.Dispose();
            throw;
        }
        catch (Exception ex) when (StoredDataException.IsDamage(ex))
        {
            fileLock?.Dispose();
            throw new StorageEnvironmentException($"{path} is not a readable outbox ({ex.Message}). It was left as it is: move it aside (what waited in it is sent again from the ledger's digests only).", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            fileLock?.Dispose();
            throw new StorageEnvironmentException($"cannot open the sync outbox in {dataDir}: {ex.Message}", ex);
        }
    }

    private static FileStream AcquireLock(string dataDir)
    {
        var path = Path.Combine(dataDir, LockFileName);
        try
        {
            return new FileStream(path, DataDirAccess.OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new StorageEnvironmentException($"the sync outbox in {dataDir} is in use by another process (is the edgestation service running?)", ex);
        }
    }

    private static void OwnerOnly(string path)
    {
        // The process mask (DataDirAccess.RestrictNewFiles) already makes LiteDB's files 0600; this holds without it.
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, DataDirAccess.FileMode);
        }
    }

    /// <summary>
    /// Stores one envelope under the next seq, with the producer's cursor in the same transaction, durable on return.
    /// When it does not fit, the oldest health entries are dropped to make room (a health entry never drops anything
    /// but older health); when it still does not fit nothing is stored and the result is refused.
    /// </summary>
    public EnqueueResult Enqueue(OutboxKind kind, byte[] payload, ProducerCursor? cursor = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var size = (long)payload.Length + EntryOverheadBytes;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            var state = _state;
            var drop = new List<(long Seq, long Size)>();
            var bytes = state.Bytes;
            if (bytes + size > CapacityBytes)
            {
                foreach (var doc in _entries.Find(Query.GT("healthSeq", 0L)))
                {
                    drop.Add((doc["_id"].AsInt64, doc["size"].AsInt64));
                    bytes -= doc["size"].AsInt64;
                    if (bytes + size <= CapacityBytes)
                    {
                        break;
                    }
                }
            }
            if (bytes + size > CapacityBytes)
            {
                // Nothing dropped either: the health entries stay until there is room for what was refused.
                var refused = state with { FullSince = state.FullSince ?? now, Refused = state.Refused + 1 };
                Write(refused, cursor: null, insert: null, drop: []);
                return EnqueueResult.Full(0);
            }
            var seq = state.LastSeq + 1;
            var next = state with
            {
                LastSeq = seq,
                Depth = state.Depth + 1 - drop.Count,
                Bytes = bytes + size,
                DroppedHealth = state.DroppedHealth + drop.Count,
                // Health alone does not end the alarm: what was refused is a summary or digests, still waiting.
                FullSince = kind == OutboxKind.Health ? state.FullSince : null,
            };
            Write(next, cursor, OutboxBson.ToBson(new OutboxEntry(seq, kind, now, payload)), drop);
            return new EnqueueResult(seq, drop.Count);
        }
    }

    private void Write(OutboxMeta next, ProducerCursor? cursor, BsonDocument? insert, List<(long Seq, long Size)> drop)
    {
        try
        {
            _db.BeginTrans();
            foreach (var (seq, _) in drop)
            {
                _entries.Delete(seq);
            }
            if (insert is not null)
            {
                _entries.Insert(insert);
            }
            if (cursor is { } c)
            {
                _cursors.Upsert(new BsonDocument { ["_id"] = c.Name, ["value"] = c.Value });
            }
            _meta.Upsert(next.ToBson(MetaId));
            _db.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            _db.Rollback();
            throw WriteFailed(ex);
        }
        _state = next;
        try
        {
            // LiteDB 5.0.21's commit writes its log but never fsyncs it; the checkpoint copies the log into outbox.db and
            // fsyncs that file (strace: one fsync of the data file per checkpoint, docs/ledger.md), so what the caller is
            // told is stored is on disk. Failing here, the entry and the
            // cursor are committed together all the same: a producer that tries again reads the moved cursor.
            _db.Checkpoint();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
        {
            throw WriteFailed(ex);
        }
    }

    private StorageEnvironmentException WriteFailed(Exception ex) =>
        new($"cannot write the sync outbox {Path.Combine(DataDir, FileName)}: {ex.Message}", ex);

    /// <summary>A producer's stored cursor, or null before its first entry.</summary>
    public long? Cursor(string name)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _cursors.FindById(name) is { } doc ? doc["value"].AsInt64 : null;
        }
    }

    /// <summary>Entries after <paramref name="afterSeq"/> not yet acknowledged, oldest first, at most <paramref name="max"/>.</summary>
    public IReadOnlyList<OutboxEntry> Pending(long afterSeq = 0, int max = 256)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return [.. _entries.Find(Query.GT("_id", afterSeq), limit: max).Select(OutboxBson.FromBson)];
        }
    }

    /// <summary>
    /// Removes the entries the center acknowledged, in any order; an acknowledgement of a seq already removed, or never
    /// issued, changes nothing. Returns how many entries it removed. Not checkpointed: a crash that loses it resends them.
    /// </summary>
    public int Acknowledge(IReadOnlyCollection<long> seqs)
    {
        ArgumentNullException.ThrowIfNull(seqs);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (seqs.Count == 0)
            {
                return 0;
            }
            var state = _state;
            var removed = 0;
            var bytes = state.Bytes;
            var lastAck = state.LastAckSeq;
            try
            {
                _db.BeginTrans();
                foreach (var seq in seqs)
                {
                    if (seq < 1 || seq > state.LastSeq)
                    {
                        continue;
                    }
                    lastAck = Math.Max(lastAck, seq);
                    if (_entries.FindById(seq) is { } doc && _entries.Delete(seq))
                    {
                        bytes -= doc["size"].AsInt64;
                        removed++;
                    }
                }
                var next = state with { Depth = state.Depth - removed, Bytes = bytes, LastAckSeq = lastAck, LastAckAt = _time.GetUtcNow() };
                _meta.Upsert(next.ToBson(MetaId));
                _db.Commit();
                _state = next;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException)
            {
                _db.Rollback();
                throw WriteFailed(ex);
            }
            return removed;
        }
    }

    public OutboxStatus Status()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var s = _state;
            var oldest = _entries.Find(Query.All(Query.Ascending), limit: 1).Select(OutboxBson.FromBson).FirstOrDefault();
            return new OutboxStatus(
                s.Depth, s.Bytes, CapacityBytes, oldest?.Seq ?? 0, oldest?.CreatedAt, s.LastSeq, s.LastAckSeq, s.LastAckAt,
                s.FullSince, s.DroppedHealth, s.Refused);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _db.Dispose();
            _fileLock.Dispose();
        }
    }
}
