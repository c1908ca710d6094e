using EdgeStation.Sync.V1;
using Npgsql;

namespace EdgeStation.Center.Storage.Postgres;

/// <summary>
/// One open transaction of <see cref="PostgresCenterStore"/>: its connection, and what the work inserted, held until
/// the end of the work and then written in one round trip. Reads inside the transaction look here first.
/// </summary>
internal sealed class PostgresWrite(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>New envelopes by (station, seq), in the order they were inserted.</summary>
    public Dictionary<(string Station, ulong Seq), StoredEnvelope> Envelopes { get; } = [];

    public Dictionary<(string Station, ulong Seq), LedgerDigest> Digests { get; } = [];

    /// <summary>Stations as the work last saved them (written at the end) or read them (row locked until the end).</summary>
    public Dictionary<string, StationRow> SavedStations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, StationRow?> ReadStations { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// (station, seq) read as not held while this transaction holds the station's row lock: nobody else can store them
    /// before it commits (every writer locks the station first), so they are written with COPY, without a conflict check.
    /// </summary>
    public HashSet<(string Station, ulong Seq)> KnownAbsent { get; } = [];

    /// <summary>Whether this transaction holds <paramref name="stationId"/>'s row lock (it read the row FOR UPDATE).</summary>
    public bool Locks(string stationId) => ReadStations.TryGetValue(stationId, out var row) && row is not null;
}
