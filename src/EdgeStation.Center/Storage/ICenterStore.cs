using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Storage;

/// <summary>
/// What the center keeps: stations, envelopes as received, each station's ledger digests and the alerts. Ingest,
/// admin, dashboard and command line see only this; behind it the embedded LiteDB file (<see cref="LiteCenterStore"/>,
/// the default) or PostgreSQL (<see cref="PostgresCenterStore"/>, `--db`). Both pass the same contract tests.
/// <para>
/// Writes that belong together run in <see cref="InTransaction{T}"/>: all of it is stored, or none. The methods
/// marked "inside a transaction" may only be called from its work; reads may be called from both, and inside a
/// transaction they see what the work wrote so far.
/// </para>
/// </summary>
public interface ICenterStore : IDisposable
{
    /// <summary>Where the data lives, in words for logs and messages (a file path, or PostgreSQL host and database).</summary>
    string Describe { get; }

    StationRow? Station(string id);

    /// <summary>Every station, ordered by id.</summary>
    IReadOnlyList<StationRow> AllStations();

    /// <summary>Enrolls a station, or re-enrolls it with a new certificate: the old one is retired (refused from now on).</summary>
    StationRow Enroll(string id, string name, string certificateSerial, DateTimeOffset at);

    /// <summary>Revokes the station's certificate; false when no such station is enrolled.</summary>
    bool Revoke(string id, DateTimeOffset at);

    StoredEnvelope? Envelope(string stationId, ulong seq);

    /// <summary>The envelopes already held among <paramref name="seqs"/>, by seq (one query for an ingest batch).</summary>
    IReadOnlyDictionary<ulong, StoredEnvelope> Envelopes(string stationId, IReadOnlyCollection<ulong> seqs);

    long EnvelopeCount(string stationId);

    /// <summary>
    /// The envelopes of one kind a station made between two instants (Unix ms of its own clock, inclusive), oldest
    /// first: the daily closes the monthly reports read. Outside a transaction only.
    /// </summary>
    IReadOnlyList<StoredEnvelope> EnvelopesMade(string stationId, EnvelopeKind kind, long fromMs, long toMs);

    /// <summary>The digest the center holds for one ledger entry of a station, or null.</summary>
    LedgerDigest? Digest(string stationId, ulong seq);

    /// <summary>The digests held for seqs <paramref name="from"/>..<paramref name="to"/> (inclusive), by seq.</summary>
    IReadOnlyDictionary<ulong, LedgerDigest> Digests(string stationId, ulong from, ulong to);

    /// <summary>Open alerts (or all, with <paramref name="includeResolved"/>), oldest first.</summary>
    IReadOnlyList<AlertRow> AlertList(bool includeResolved = false, string? stationId = null);

    /// <summary>Marks an alert resolved by an admin; null when there is no such alert.</summary>
    AlertRow? ResolveAlert(long id, string by, DateTimeOffset at);

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or none.</summary>
    T InTransaction<T>(Func<T> work);

    /// <summary>Inside a transaction: the station after what it just sent.</summary>
    void SaveStation(StationRow row);

    /// <summary>Inside a transaction: a new envelope. A (station, seq) already held is left as it is (the first is kept).</summary>
    void InsertEnvelope(StoredEnvelope envelope);

    /// <summary>Inside a transaction: a digest for a seq not held yet.</summary>
    void InsertDigest(string stationId, LedgerDigest digest);

    /// <summary>Whether the same alert is already open: a station that keeps re-sending the same fault raises it once.</summary>
    bool HasOpenAlert(string stationId, ulong seq, AlertKind kind);

    /// <summary>Inside a transaction: a new open alert.</summary>
    AlertRow RaiseAlert(string stationId, ulong seq, AlertKind kind, string message, DateTimeOffset at);
}
