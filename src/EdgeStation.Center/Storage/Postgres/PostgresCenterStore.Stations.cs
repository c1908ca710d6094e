using EdgeStation.Sync.V1;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;

namespace EdgeStation.Center.Storage.Postgres;

public sealed partial class PostgresCenterStore
{
    private const string StationColumns =
        "id, name, enrolled_at, certificate_serial, revoked_at, retired_serials, last_contact, envelopes, kept_unknown, figures, figures_at, health, health_at, digest_head";

    public StationRow? Station(string id)
    {
        if (_write.Value is { } write)
        {
            if (write.SavedStations.TryGetValue(id, out var saved))
            {
                return saved;
            }
            if (write.ReadStations.TryGetValue(id, out var read))
            {
                return read;
            }
            // Locked until the transaction ends: a second stream of the same station waits here, not in a race.
            var locked = Stations(write.Connection, write.Transaction, $"SELECT {StationColumns} FROM stations WHERE id = $1 FOR UPDATE", Text(id)).SingleOrDefault();
            write.ReadStations[id] = locked;
            return locked;
        }
        return Read((c, t) => Stations(c, t, $"SELECT {StationColumns} FROM stations WHERE id = $1", Text(id)).SingleOrDefault());
    }

    public IReadOnlyList<StationRow> AllStations()
    {
        var rows = Read((c, t) => Stations(c, t, $"SELECT {StationColumns} FROM stations ORDER BY id COLLATE \"C\""));
        if (_write.Value is not { SavedStations.Count: > 0 } write)
        {
            return rows;
        }
        var merged = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var (id, row) in write.SavedStations)
        {
            merged[id] = row;
        }
        return [.. merged.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    public StationRow Enroll(string id, string name, string certificateSerial, DateTimeOffset at) => InTransaction(() =>
    {
        var row = StationRow.Enrolled(Station(id), id, name, certificateSerial, at);
        SaveStation(row);
        return row;
    });

    public bool Revoke(string id, DateTimeOffset at) => InTransaction(() =>
    {
        if (Station(id) is not { } row)
        {
            return false;
        }
        if (!row.Revoked)
        {
            SaveStation(row with { RevokedAt = at });
        }
        return true;
    });

    public void SaveStation(StationRow row) => Writing(nameof(SaveStation)).SavedStations[row.Id] = row;

    private static NpgsqlBatchCommand UpsertStationCommand(StationRow s)
    {
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO stations ({StationColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (id) DO UPDATE SET
                name = EXCLUDED.name, enrolled_at = EXCLUDED.enrolled_at, certificate_serial = EXCLUDED.certificate_serial,
                revoked_at = EXCLUDED.revoked_at, retired_serials = EXCLUDED.retired_serials, last_contact = EXCLUDED.last_contact,
                envelopes = EXCLUDED.envelopes, kept_unknown = EXCLUDED.kept_unknown, figures = EXCLUDED.figures,
                figures_at = EXCLUDED.figures_at, health = EXCLUDED.health, health_at = EXCLUDED.health_at,
                digest_head = EXCLUDED.digest_head
            """);
        command.Parameters.Add(Text(s.Id));
        command.Parameters.Add(Text(s.Name));
        command.Parameters.Add(Time(s.EnrolledAt));
        command.Parameters.Add(Text(s.CertificateSerial));
        command.Parameters.Add(Time(s.RevokedAt));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = s.RetiredSerials.ToArray() });
        command.Parameters.Add(Time(s.LastContact));
        command.Parameters.Add(Bigint(s.Envelopes));
        command.Parameters.Add(Bigint(s.KeptUnknown));
        command.Parameters.Add(Bytes(s.LatestFigures?.ToByteArray()));
        command.Parameters.Add(Time(s.FiguresAt));
        command.Parameters.Add(Bytes(s.LatestHealth?.ToByteArray()));
        command.Parameters.Add(Time(s.HealthAt));
        command.Parameters.Add(Bigint((long)s.DigestHead));
        return command;
    }

    private static List<StationRow> Stations(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddRange(parameters);
        using var r = command.ExecuteReader();
        var rows = new List<StationRow>();
        while (r.Read())
        {
            rows.Add(new StationRow(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3))
            {
                RevokedAt = TimeOrNull(r, 4),
                RetiredSerials = r.GetFieldValue<string[]>(5),
                LastContact = TimeOrNull(r, 6),
                Envelopes = r.GetInt64(7),
                KeptUnknown = r.GetInt64(8),
                LatestFigures = r.IsDBNull(9) ? null : Figures.Parser.ParseFrom(r.GetFieldValue<byte[]>(9)),
                FiguresAt = TimeOrNull(r, 10),
                LatestHealth = r.IsDBNull(11) ? null : Health.Parser.ParseFrom(r.GetFieldValue<byte[]>(11)),
                HealthAt = TimeOrNull(r, 12),
                DigestHead = (ulong)r.GetInt64(13),
            });
        }
        return rows;
    }

    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };

    private static NpgsqlParameter Bytes(byte[]? value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)value ?? DBNull.Value };

    /// <summary>timestamptz takes UTC only.</summary>
    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v.ToUniversalTime() : DBNull.Value };
}
