using EdgeStation.Center.Authority;
using LiteDB;

namespace EdgeStation.Center.Storage;

/// <summary>
/// The center's embedded store, the default: &lt;data-dir&gt;/center.db (LiteDB, BsonDocument mapping by hand), owned
/// by one process at a time. Stations, envelopes as received, ledger digests and alerts; one file per concern below.
/// Writes that belong together run in <see cref="InTransaction{T}"/>, one at a time.
/// </summary>
public sealed partial class LiteCenterStore : ICenterStore
{
    public const string FileName = "center.db";

    private readonly LiteDatabase _db;
    private readonly CenterLock _lock;
    private readonly Lock _write = new();

    /// <summary>Envelope keys the open transaction read and did not find (see Envelopes): cleared when it ends.</summary>
    private readonly HashSet<string> _absent = new(StringComparer.Ordinal);

    /// <summary>Every station as last committed, by id: replaced whole at each commit that saved one, never changed.</summary>
    private Dictionary<string, StationRow> _committedStations;

    /// <summary>The same, ordered by id; made on the first read after a commit.</summary>
    private IReadOnlyList<StationRow>? _sortedStations;

    /// <summary>The stations the open transaction saved (only touched under <see cref="_write"/>).</summary>
    private readonly Dictionary<string, StationRow> _savedStations = new(StringComparer.Ordinal);

    private LiteCenterStore(LiteDatabase db, CenterLock centerLock)
    {
        _db = db;
        _lock = centerLock;
        _stations = db.GetCollection("stations");
        _envelopes = db.GetCollection("envelopes");
        _digests = db.GetCollection("digests");
        _alerts = db.GetCollection("alerts", BsonAutoId.Int64);
        _envelopes.EnsureIndex("stationId");
        _envelopes.EnsureIndex(MadeIndex, MadeExpression);
        _alerts.EnsureIndex("stationId");
        _alerts.EnsureIndex("open");
        _committedStations = _stations.FindAll().Select(ToStation).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public string DataDir { get; private init; } = "";

    public string Describe => Path.Combine(DataDir, FileName);

    private readonly ILiteCollection<BsonDocument> _stations;
    private readonly ILiteCollection<BsonDocument> _envelopes;
    private readonly ILiteCollection<BsonDocument> _digests;
    private readonly ILiteCollection<BsonDocument> _alerts;

    /// <summary>Opens (creating when <paramref name="mustExist"/> is false) the store, taking the single-owner lock.</summary>
    public static LiteCenterStore Open(string dataDir, bool mustExist)
    {
        var path = Path.Combine(dataDir, FileName);
        if (mustExist && !File.Exists(path))
        {
            throw new CenterEnvironmentException($"no center database at {path} (wrong --data-dir? run 'edgestation-center ca init' first)");
        }
        try
        {
            AuthorityFiles.CreateOwnerOnlyFolder(dataDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CenterEnvironmentException($"cannot create the data dir {dataDir}: {e.Message}", e);
        }
        var centerLock = CenterLock.Acquire(dataDir);
        try
        {
            CheckHeader(path);
            var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
            return new LiteCenterStore(db, centerLock) { DataDir = dataDir };
        }
        catch (Exception e) when (e is LiteException or IOException or UnauthorizedAccessException or InvalidCastException)
        {
            centerLock.Dispose();
            throw new CenterEnvironmentException($"cannot open {path}: {e.Message} (is it a center database? it was left as it is)", e);
        }
        catch
        {
            centerLock.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none.</summary>
    public T InTransaction<T>(Func<T> work)
    {
        lock (_write)
        {
            _db.BeginTrans();
            try
            {
                var result = work();
                _db.Commit();
                PublishSavedStations();
                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            finally
            {
                _savedStations.Clear();
                _absent.Clear();
            }
        }
    }

    /// <summary>
    /// Every read takes the writer's lock too: LiteDB 5's page cache has a race between concurrent readers (it hands
    /// a reader a page buffer it is recycling: "pages in memory store must be non-shared", then garbage reads;
    /// litedb-org/LiteDB#2817). Twenty concurrent ranking requests over 730,000 envelopes hit it here, and every page
    /// after it answered 500. The lock is reentrant, so reads inside a transaction pass; results are materialized inside.
    /// </summary>
    private T Locked<T>(Func<T> read)
    {
        lock (_write)
        {
            return read();
        }
    }

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }

    /// <summary>
    /// LiteDB "repairs" a file it cannot read (it may cut it short): anything that is not already a LiteDB 5 file
    /// (its header text at byte 32, a whole number of 8 KiB pages) is refused before LiteDB sees it.
    /// </summary>
    private static void CheckHeader(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return;
        }
        var expected = "** This is a LiteDB file **"u8;
        var header = new byte[32 + expected.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (read < header.Length || !header.AsSpan(32).SequenceEqual(expected) || info.Length % 8192 != 0)
        {
            throw new CenterEnvironmentException($"{path} is not a whole center database (no LiteDB header, or cut short); it was left as it is: restore it from a backup or point --data-dir elsewhere");
        }
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static DateTimeOffset At(BsonValue value) => DateTimeOffset.FromUnixTimeMilliseconds(value.AsInt64);

    private static DateTimeOffset? AtOrNull(BsonValue value) => value.IsNull ? null : At(value);

    private static string Key(string stationId, ulong seq) => $"{stationId}/{seq:D20}";
}
