using EdgeStation.Storage.Access;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Station;
using LiteDB;

namespace EdgeStation.Storage.Cameras;

/// <summary>
/// Camera alerts (摄像头告警) on the box: one LiteDB file, camera-alerts.db in the data dir, apart from the ledger (an alert
/// is an observation, not a record), and one JPEG per alert in camera-snapshots/, both owner-only. Kept by days and by
/// bytes (<see cref="Prune"/>: the oldest go first). Alerts are rare (a few a day), so each is written at once, under a
/// lock, from the camera's own thread; a write that fails (full disk, damaged file) throws to the camera, which counts
/// it and goes on watching. Nothing here leaves the box.
/// </summary>
public sealed class CameraAlertStore : IDisposable
{
    public const string FileName = "camera-alerts.db";
    public const string SnapshotDir = "camera-snapshots";
    public const string Collection = "alerts";

    /// <summary>Free space kept below which no alert is written: the ledger's and the door log's room comes first.</summary>
    public const long ReserveBytes = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly string _dataDir;
    private LiteDatabase? _db;
    private bool _disposed;

    public CameraAlertStore(string dataDir, TimeSpan retention, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.FromDays(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _dataDir = dataDir;
        Path = System.IO.Path.Combine(dataDir, FileName);
        Snapshots = System.IO.Path.Combine(dataDir, SnapshotDir);
        Retention = retention;
        MaxBytes = maxBytes;
    }

    public string Path { get; }

    public string Snapshots { get; }

    public TimeSpan Retention { get; }

    /// <summary>The most snapshot bytes kept; the oldest alerts go first when more would be kept.</summary>
    public long MaxBytes { get; }

    /// <summary>Keeps an alert and its snapshot; returns it with its id.</summary>
    public StoredCameraAlert Add(string camera, string kind, string detail, DateTimeOffset at, byte[]? snapshot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(camera);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        lock (_gate)
        {
            var db = Open();
            DiskReserve.Ensure(_dataDir, ReserveBytes, "the ledger and the door log");
            var doc = new BsonDocument
            {
                ["camera"] = camera,
                ["kind"] = kind,
                ["detail"] = detail,
                ["at"] = at.ToUnixTimeMilliseconds(),
                ["snapshotBytes"] = (long)(snapshot?.Length ?? 0),
                ["ackBy"] = BsonValue.Null,
                ["ackAt"] = BsonValue.Null,
            };
            long id;
            try
            {
                id = Alerts(db).Insert(doc).AsInt64;
            }
            catch
            {
                Abandon(db);
                throw;
            }

            if (snapshot is { Length: > 0 })
            {
                Directory.CreateDirectory(Snapshots);
                using var file = new FileStream(SnapshotPath(id), DataDirAccess.OwnerOnly(FileMode.Create, FileAccess.Write, FileShare.None));
                file.Write(snapshot);
            }

            return Read(doc);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<StoredCameraAlert> List(int limit, bool unacknowledgedOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            var all = Alerts(Open()).Find(Query.All("_id", Query.Descending)).Select(Read);
            return [.. (unacknowledgedOnly ? all.Where(a => !a.IsAcknowledged) : all).Take(limit)];
        }
    }

    public int CountUnacknowledged()
    {
        lock (_gate)
        {
            return Alerts(Open()).Count(Query.EQ("ackAt", BsonValue.Null));
        }
    }

    public StoredCameraAlert? Find(long id)
    {
        lock (_gate)
        {
            return Alerts(Open()).FindById(id) is { } doc ? Read(doc) : null;
        }
    }

    /// <summary>The alert's JPEG, null when it has none (or it was pruned).</summary>
    public byte[]? Snapshot(long id)
    {
        var path = SnapshotPath(id);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>Marks an alert dealt with; false when it was acknowledged already. Null when there is no such alert.</summary>
    public bool? Acknowledge(long id, string actor, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        lock (_gate)
        {
            var db = Open();
            var alerts = Alerts(db);
            if (alerts.FindById(id) is not { } doc)
            {
                return null;
            }

            if (!doc["ackAt"].IsNull)
            {
                return false;
            }

            doc["ackBy"] = actor;
            doc["ackAt"] = at.ToUnixTimeMilliseconds();
            try
            {
                alerts.Update(doc);
            }
            catch
            {
                Abandon(db);
                throw;
            }

            return true;
        }
    }

    /// <summary>Deletes alerts older than the retention, then the oldest until the snapshots fit <see cref="MaxBytes"/>. Returns how many went.</summary>
    public int Prune(DateTimeOffset now)
    {
        lock (_gate)
        {
            var db = Open();
            var alerts = Alerts(db);
            var oldest = alerts.Find(Query.All("_id", Query.Ascending)).Select(Read).ToList();
            var bytes = oldest.Sum(a => a.SnapshotBytes);
            var cutoff = now - Retention;
            var removed = 0;
            foreach (var a in oldest)
            {
                if (a.At >= cutoff && bytes <= MaxBytes)
                {
                    break;
                }

                alerts.Delete(a.Id);
                File.Delete(SnapshotPath(a.Id));
                bytes -= a.SnapshotBytes;
                removed++;
            }

            return removed;
        }
    }

    /// <summary>Total snapshot bytes kept.</summary>
    public long SnapshotBytes()
    {
        lock (_gate)
        {
            return Alerts(Open()).FindAll().Sum(d => d["snapshotBytes"].AsInt64);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _db?.Dispose();
            _db = null;
        }
    }

    private string SnapshotPath(long id) => System.IO.Path.Combine(Snapshots, id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".jpg");

    private LiteDatabase Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_db is { } open)
        {
            return open;
        }

        if (File.Exists(Path))
        {
            try
            {
                DatabaseFileCheck.EnsureLiteDb(Path);
            }
            catch (StorageEnvironmentException e)
            {
                throw new StorageEnvironmentException($"{Path} is not a camera alert file ({e.Message}); move it aside: cameras keep watching, alerts are not kept until then", e);
            }
        }

        var db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct });
        try
        {
            Alerts(db).EnsureIndex("ackAt");
        }
        catch
        {
            Abandon(db);
            throw;
        }

        return _db = db;
    }

    // A write LiteDB failed may leave its transaction behind, whose finalizer would end the process: keep the instance.
    private void Abandon(LiteDatabase db)
    {
        if (ReferenceEquals(_db, db))
        {
            _db = null;
        }

        AbandonedLiteDb.Keep(db);
    }

    private static ILiteCollection<BsonDocument> Alerts(LiteDatabase db) => db.GetCollection(Collection, BsonAutoId.Int64);

    private static StoredCameraAlert Read(BsonDocument d) => new(
        d["_id"].AsInt64,
        d["camera"].AsString,
        d["kind"].AsString,
        d["detail"].AsString,
        DateTimeOffset.FromUnixTimeMilliseconds(d["at"].AsInt64),
        d["snapshotBytes"].AsInt64,
        d["ackBy"].IsNull ? null : d["ackBy"].AsString,
        d["ackAt"].IsNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(d["ackAt"].AsInt64));
}
