using Npgsql;

namespace EdgeStation.Center.Storage.Postgres;

/// <summary>
/// The center's tables, as numbered migrations applied on every start: each one once, inside a transaction with
/// its row in <c>center_schema_version</c>, so a failed step leaves the schema as it was. A transaction-scoped advisory
/// lock makes two centers starting at once take turns. Never edit a released migration: add the next one.
/// </summary>
public static class PostgresSchema
{
    /// <summary>pg_advisory_xact_lock key: "ESCE" (EdgeStation CEnter).</summary>
    private const long LockKey = 0x45534345;

    public static readonly IReadOnlyList<PostgresMigration> Migrations =
    [
        new(1, "stations, envelopes partitioned by month received, ledger digests, alerts", """
            -- One row per village: who it is, which certificate it may use, and the latest of what it sent. The dashboard
            -- reads only this table and the open alerts, so its queries do not grow with the months of envelopes.
            CREATE TABLE stations (
                id                 text PRIMARY KEY,
                name               text NOT NULL,
                enrolled_at        timestamptz NOT NULL,
                certificate_serial text NOT NULL,
                revoked_at         timestamptz,
                retired_serials    text[] NOT NULL DEFAULT '{}',
                last_contact       timestamptz,
                envelopes          bigint NOT NULL DEFAULT 0,
                kept_unknown       bigint NOT NULL DEFAULT 0,
                figures            bytea,
                figures_at         timestamptz,
                health             bytea,
                health_at          timestamptz,
                digest_head        bigint NOT NULL DEFAULT 0
            );

            -- (station, seq) once, across every month: the key ingest is idempotent by (INSERT … ON CONFLICT DO NOTHING).
            -- A unique key on the partitioned table itself would have to include the month.
            CREATE TABLE envelope_keys (
                station_id  text NOT NULL,
                seq         bigint NOT NULL,
                received_at timestamptz NOT NULL,
                PRIMARY KEY (station_id, seq)
            );

            -- Envelopes as received, payload untouched, one partition per month received (the center's clock: a station's
            -- may be wrong). Partitions are made as months come (envelopes_yYYYYmMM); an old month can be detached whole.
            CREATE TABLE envelopes (
                station_id       text NOT NULL,
                seq              bigint NOT NULL,
                kind             integer NOT NULL,
                created_at_ms    bigint NOT NULL,
                contract_version bigint NOT NULL,
                payload          bytea NOT NULL,
                received_at      timestamptz NOT NULL,
                understood       boolean NOT NULL,
                PRIMARY KEY (station_id, seq, received_at)
            ) PARTITION BY RANGE (received_at);
            -- A village's series of one kind (trends), in the station's own time.
            CREATE INDEX envelopes_station_kind_created ON envelopes (station_id, kind, created_at_ms);

            -- Each station's ledger (seq, contentDigest, hash): continuity is checked from these alone.
            CREATE TABLE digests (
                station_id     text NOT NULL,
                seq            bigint NOT NULL,
                content_digest bytea NOT NULL,
                hash           bytea NOT NULL,
                PRIMARY KEY (station_id, seq)
            );

            CREATE TABLE alerts (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                station_id  text NOT NULL,
                seq         bigint NOT NULL,
                kind        text NOT NULL,
                message     text NOT NULL,
                raised_at   timestamptz NOT NULL,
                resolved_at timestamptz,
                resolved_by text
            );
            -- Open alerts are few however many were resolved: the dashboard and "raise once while open" read this.
            CREATE INDEX alerts_open ON alerts (station_id, seq, kind) WHERE resolved_at IS NULL;
            """),
    ];

    public static int Latest => Migrations[^1].Version;

    /// <summary>Applies what is missing of <see cref="Migrations"/>; refuses a schema newer than this build knows.</summary>
    public static void Migrate(NpgsqlConnection connection, string describe) => Migrate(connection, describe, Migrations);

    internal static void Migrate(NpgsqlConnection connection, string describe, IReadOnlyList<PostgresMigration> migrations)
    {
        foreach (var migration in migrations)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})");
            Execute(connection, transaction, """
                CREATE TABLE IF NOT EXISTS center_schema_version (
                    version     integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """);
            var newest = Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM center_schema_version");
            var known = migrations[^1].Version;
            if (newest > known)
            {
                throw new CenterEnvironmentException($"the {describe} has schema version {newest}, newer than this edgestation-center knows ({known}): run the newer edgestation-center that migrated it");
            }
            if (Scalar(connection, transaction, $"SELECT count(*) FROM center_schema_version WHERE version = {migration.Version}") > 0)
            {
                continue;
            }
            Execute(connection, transaction, migration.Sql);
            using (var record = new NpgsqlCommand("INSERT INTO center_schema_version (version, description) VALUES ($1, $2)", connection, transaction))
            {
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Description });
                record.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static long Scalar(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
