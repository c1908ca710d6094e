using Npgsql;

namespace EdgeStation.Center.Storage.Postgres;

/// <summary>
/// The center's store on PostgreSQL (`--db "Host=…"`), for a county with hundreds of stations: the schema is
/// migrated on open (<see cref="PostgresSchema"/>), envelopes are partitioned by the month they were received
/// (<see cref="PostgresPartitions"/>), and ingest is idempotent by (station, seq) with ON CONFLICT.
/// <para>
/// Reads outside a transaction take a pooled connection each. A transaction (<see cref="InTransaction{T}"/>) holds one
/// connection, locks the rows of the stations it reads (so two streams of one station take turns, streams of different
/// stations run side by side), and keeps what the work inserts in memory until its end, where it goes to the server in
/// one round trip of set-based statements and is committed. That is what lets one batch of 512 envelopes cost a few
/// round trips instead of a few per envelope.
/// </para>
/// </summary>
public sealed partial class PostgresCenterStore : ICenterStore
{
    private readonly NpgsqlDataSource _source;
    private readonly PostgresPartitions _partitions;
    private readonly TimeProvider _time;
    private readonly AsyncLocal<PostgresWrite?> _write = new();

    private PostgresCenterStore(NpgsqlDataSource source, string describe, TimeProvider time)
    {
        _source = source;
        Describe = describe;
        _time = time;
        _partitions = new PostgresPartitions();
    }

    public string Describe { get; }

    /// <summary>
    /// Connects, migrates the schema and makes this month's and next month's partitions. A malformed connection
    /// string is a <see cref="Cli.UsageException"/> (exit 2); a server that cannot be reached, refuses the login or
    /// lacks the database is a <see cref="CenterEnvironmentException"/> (exit 3) saying what to check. Nothing is
    /// left open when it fails.
    /// </summary>
    public static PostgresCenterStore Open(string connectionString, TimeProvider time)
    {
        var builder = PostgresConnection.Parse(connectionString);
        var describe = PostgresConnection.Describe(builder);
        var source = NpgsqlDataSource.Create(builder);
        try
        {
            var store = new PostgresCenterStore(source, describe, time);
            PostgresConnection.Guard(builder, () =>
            {
                using var connection = source.OpenConnection();
                PostgresSchema.Migrate(connection, describe);
                var now = time.GetUtcNow();
                store._partitions.Ensure(connection, now);
                store._partitions.Ensure(connection, PostgresPartitions.MonthStart(now).AddMonths(1));
            });
            return store;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public T InTransaction<T>(Func<T> work)
    {
        if (_write.Value is not null)
        {
            return work(); // already inside one: the outer transaction commits it
        }
        using var connection = _source.OpenConnection();
        // Partition DDL before the transaction: inside it, it would lock the whole envelopes table until commit.
        _partitions.Ensure(connection, _time.GetUtcNow());
        using var transaction = connection.BeginTransaction();
        var write = new PostgresWrite(connection, transaction);
        _write.Value = write;
        try
        {
            var result = work();
            var months = Flush(write);
            transaction.Commit();
            foreach (var month in months)
            {
                _partitions.Remember(month);
            }
            return result;
        }
        finally
        {
            _write.Value = null;
        }
    }

    public void Dispose() => _source.Dispose();

    /// <summary>Runs <paramref name="read"/> on the transaction's connection when inside one, else on a pooled connection.</summary>
    private T Read<T>(Func<NpgsqlConnection, NpgsqlTransaction?, T> read)
    {
        if (_write.Value is { } write)
        {
            return read(write.Connection, write.Transaction);
        }
        using var connection = _source.OpenConnection();
        return read(connection, null);
    }

    private PostgresWrite Writing(string what) =>
        _write.Value ?? throw new InvalidOperationException($"{what} must be called inside InTransaction");

    /// <summary>Writes what the work inserted; returns the months whose partitions it had to make.</summary>
    private List<DateTimeOffset> Flush(PostgresWrite write)
    {
        var months = write.Envelopes.Values.Select(e => PostgresPartitions.MonthStart(e.ReceivedAt)).Distinct().Where(m => !_partitions.Known(m)).ToList();
        foreach (var month in months)
        {
            // Normally made before the transaction; an envelope received in another month (the turn of a month) is rarer.
            _partitions.Ensure(write.Connection, month, write.Transaction);
        }
        // Envelopes checked absent under their station's lock go by COPY; any other (a caller that did not check) keeps
        // the conflict check: the first of a (station, seq) is kept.
        var copied = write.Envelopes.Values.Where(e => write.KnownAbsent.Contains((e.StationId, e.Seq)) && write.Locks(e.StationId)).ToList();
        if (copied.Count > 0)
        {
            CopyEnvelopes(write.Connection, copied);
        }
        var checkedInserts = copied.Count == write.Envelopes.Count ? [] : write.Envelopes.Values.Except(copied).ToList();
        using var batch = new NpgsqlBatch(write.Connection, write.Transaction);
        if (checkedInserts.Count > 0)
        {
            batch.BatchCommands.Add(InsertEnvelopesCommand(checkedInserts));
        }
        if (write.Digests.Count > 0)
        {
            batch.BatchCommands.Add(InsertDigestsCommand(write.Digests));
        }
        foreach (var station in write.SavedStations.Values)
        {
            batch.BatchCommands.Add(UpsertStationCommand(station));
        }
        if (batch.BatchCommands.Count > 0)
        {
            batch.ExecuteNonQuery();
        }
        return months;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);
}
