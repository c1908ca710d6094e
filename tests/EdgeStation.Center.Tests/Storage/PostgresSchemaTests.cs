using EdgeStation.Center.Hosting;
using EdgeStation.Center.Ingest;
using EdgeStation.Center.Storage.Postgres;
using EdgeStation.Center.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace EdgeStation.Center.Tests.Storage;

/// <summary>The PostgreSQL store's own promises: migrations once each and all-or-nothing, monthly partitions, indexes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public void Each_migration_is_applied_once_however_often_the_center_starts()
    {
        var db = Database();
        PostgresCenterStore.Open(db, _time).Dispose();
        PostgresCenterStore.Open(db, _time).Dispose();

        var versions = Column<int>(db, "SELECT version FROM center_schema_version ORDER BY version");

        Assert.Equal(PostgresSchema.Migrations.Select(m => m.Version), versions);
    }

    [SkippableFact]
    public void A_migration_that_fails_leaves_the_schema_as_it_was()
    {
        var db = Database();
        using var connection = Connect(db);
        var broken = new PostgresMigration(2, "breaks half-way", "CREATE TABLE half_made (x integer); SELECT 1 / 0;");

        Assert.Throws<PostgresException>(() => PostgresSchema.Migrate(connection, "test", [PostgresSchema.Migrations[0], broken]));

        Assert.Equal([1], Column<int>(db, "SELECT version FROM center_schema_version"));
        Assert.Equal([0L], Column<long>(db, "SELECT count(*) FROM pg_class WHERE relname = 'half_made'"));
    }

    [SkippableFact]
    public void A_schema_newer_than_this_center_is_refused_with_exit_3()
    {
        var db = Database();
        PostgresCenterStore.Open(db, _time).Dispose();
        Execute(db, "INSERT INTO center_schema_version (version, description) VALUES (999, 'from the future')");

        var e = Assert.Throws<CenterEnvironmentException>(() => PostgresCenterStore.Open(db, _time));

        Assert.Contains("newer than this edgestation-center knows", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Envelopes_received_in_three_months_land_in_three_partitions_and_read_back()
    {
        var db = Database();
        using (var store = PostgresCenterStore.Open(db, _time))
        {
            store.Enroll("dongshan", "东山村", "serial", _time.GetUtcNow());
            var ingest = new IngestService(store, _time, new CenterMetrics(), NullLogger<IngestService>.Instance);
            for (ulong seq = 1; seq <= 3; seq++)
            {
                ingest.Ingest("dongshan", [Envelopes.Hourly("dongshan", seq)]);
                _time.Advance(TimeSpan.FromDays(31));
            }
            Assert.Equal(3, store.Envelopes("dongshan", [1, 2, 3]).Count);
        }

        var partitions = Column<string>(db, "SELECT tableoid::regclass::text FROM envelopes ORDER BY seq");

        Assert.Equal(["envelopes_y2026m12", "envelopes_y2027m01", "envelopes_y2027m02"], partitions);
    }

    [SkippableFact]
    public void Open_alerts_and_envelope_lookups_are_served_by_indexes()
    {
        var db = Database();
        PostgresCenterStore.Open(db, _time).Dispose();

        // With sequential scans priced out, a plan without an index means no index fits the query.
        var alerts = Plan(db, "SELECT id FROM alerts WHERE resolved_at IS NULL AND station_id = 'dongshan' ORDER BY id");
        var lookup = Plan(db, "SELECT 1 FROM envelope_keys k JOIN envelopes e ON e.station_id = k.station_id AND e.seq = k.seq AND e.received_at = k.received_at WHERE k.station_id = 'dongshan' AND k.seq = ANY('{1,2}')");

        Assert.Contains("alerts_open", alerts, StringComparison.Ordinal);
        Assert.Contains("envelope_keys_pkey", lookup, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", lookup, StringComparison.Ordinal);
    }

    private string Database()
    {
        Skip.If(server.Missing is not null, server.Missing);
        return server.CreateDatabase();
    }

    private static NpgsqlConnection Connect(string db)
    {
        var connection = new NpgsqlConnection(db);
        connection.Open();
        return connection;
    }

    private static void Execute(string db, string sql)
    {
        using var connection = Connect(db);
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static List<T> Column<T>(string db, string sql)
    {
        using var connection = Connect(db);
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }

    private static string Plan(string db, string sql)
    {
        using var connection = Connect(db);
        using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            off.ExecuteNonQuery();
        }
        using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }
}
