using Npgsql;

namespace EdgeStation.Center.Storage.Postgres;

public sealed partial class PostgresCenterStore
{
    private const string AlertColumns = "id, station_id, seq, kind, message, raised_at, resolved_at, resolved_by";

    public IReadOnlyList<AlertRow> AlertList(bool includeResolved = false, string? stationId = null)
    {
        // Two fixed shapes of WHERE, so the open-alerts query can use the partial index.
        var where = (includeResolved, stationId) switch
        {
            (false, null) => "WHERE resolved_at IS NULL",
            (false, _) => "WHERE resolved_at IS NULL AND station_id = $1",
            (true, null) => "",
            (true, _) => "WHERE station_id = $1",
        };
        return Read((c, t) => Alerts(c, t, $"SELECT {AlertColumns} FROM alerts {where} ORDER BY id", stationId is null ? [] : [Text(stationId)]));
    }

    public bool HasOpenAlert(string stationId, ulong seq, AlertKind kind) => Read((c, t) =>
    {
        using var command = Command(c, t, "SELECT EXISTS (SELECT 1 FROM alerts WHERE station_id = $1 AND seq = $2 AND kind = $3 AND resolved_at IS NULL)");
        command.Parameters.Add(Text(stationId));
        command.Parameters.Add(Bigint((long)seq));
        command.Parameters.Add(Text(kind.ToString()));
        return (bool)command.ExecuteScalar()!;
    });

    public AlertRow RaiseAlert(string stationId, ulong seq, AlertKind kind, string message, DateTimeOffset at)
    {
        var write = Writing(nameof(RaiseAlert));
        using var command = Command(write.Connection, write.Transaction,
            "INSERT INTO alerts (station_id, seq, kind, message, raised_at) VALUES ($1, $2, $3, $4, $5) RETURNING id");
        command.Parameters.Add(Text(stationId));
        command.Parameters.Add(Bigint((long)seq));
        command.Parameters.Add(Text(kind.ToString()));
        command.Parameters.Add(Text(message));
        command.Parameters.Add(Time(at));
        var id = (long)command.ExecuteScalar()!;
        return new AlertRow(id, stationId, seq, kind, message, at);
    }

    public AlertRow? ResolveAlert(long id, string by, DateTimeOffset at) => InTransaction(() =>
    {
        var write = Writing(nameof(ResolveAlert));
        using (var update = Command(write.Connection, write.Transaction, "UPDATE alerts SET resolved_at = $2, resolved_by = $3 WHERE id = $1 AND resolved_at IS NULL"))
        {
            update.Parameters.Add(Bigint(id));
            update.Parameters.Add(Time(at));
            update.Parameters.Add(Text(by));
            update.ExecuteNonQuery();
        }
        return Alerts(write.Connection, write.Transaction, $"SELECT {AlertColumns} FROM alerts WHERE id = $1", [Bigint(id)]).SingleOrDefault();
    });

    private static List<AlertRow> Alerts(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, NpgsqlParameter[] parameters)
    {
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddRange(parameters);
        using var r = command.ExecuteReader();
        var rows = new List<AlertRow>();
        while (r.Read())
        {
            rows.Add(new AlertRow(r.GetInt64(0), r.GetString(1), (ulong)r.GetInt64(2), Enum.Parse<AlertKind>(r.GetString(3)), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5))
            {
                ResolvedAt = TimeOrNull(r, 6),
                ResolvedBy = r.IsDBNull(7) ? null : r.GetString(7),
            });
        }
        return rows;
    }
}
