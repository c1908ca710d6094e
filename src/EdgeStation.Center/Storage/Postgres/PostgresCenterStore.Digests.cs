using EdgeStation.Sync.V1;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;

namespace EdgeStation.Center.Storage.Postgres;

public sealed partial class PostgresCenterStore
{
    public LedgerDigest? Digest(string stationId, ulong seq) => Digests(stationId, seq, seq).GetValueOrDefault(seq);

    public IReadOnlyDictionary<ulong, LedgerDigest> Digests(string stationId, ulong from, ulong to)
    {
        var held = new Dictionary<ulong, LedgerDigest>();
        if (from > to)
        {
            return held;
        }
        Read((c, t) =>
        {
            using var command = Command(c, t, "SELECT seq, content_digest, hash FROM digests WHERE station_id = $1 AND seq BETWEEN $2 AND $3");
            command.Parameters.Add(Text(stationId));
            command.Parameters.Add(Bigint((long)from));
            command.Parameters.Add(Bigint((long)Math.Min(to, long.MaxValue)));
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var seq = (ulong)r.GetInt64(0);
                held[seq] = new LedgerDigest { Seq = seq, ContentDigest = ByteString.CopyFrom(r.GetFieldValue<byte[]>(1)), Hash = ByteString.CopyFrom(r.GetFieldValue<byte[]>(2)) };
            }
            return 0;
        });
        if (_write.Value is { Digests.Count: > 0 } write)
        {
            // Walk whichever is shorter: the range asked for, or what this transaction inserted.
            if (to - from < (ulong)write.Digests.Count)
            {
                for (var seq = from; seq <= to && seq >= from; seq++)
                {
                    if (!held.ContainsKey(seq) && write.Digests.TryGetValue((stationId, seq), out var pending))
                    {
                        held[seq] = pending;
                    }
                }
            }
            else
            {
                foreach (var ((station, seq), pending) in write.Digests)
                {
                    if (station == stationId && seq >= from && seq <= to)
                    {
                        held.TryAdd(seq, pending);
                    }
                }
            }
        }
        return held;
    }

    public void InsertDigest(string stationId, LedgerDigest digest) => Writing(nameof(InsertDigest)).Digests.TryAdd((stationId, digest.Seq), digest);

    private static NpgsqlBatchCommand InsertDigestsCommand(Dictionary<(string Station, ulong Seq), LedgerDigest> digests)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO digests (station_id, seq, content_digest, hash)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::bytea[])
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = digests.Keys.Select(k => k.Station).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = digests.Keys.Select(k => (long)k.Seq).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = digests.Values.Select(d => d.ContentDigest.ToByteArray()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = digests.Values.Select(d => d.Hash.ToByteArray()).ToArray() });
        return command;
    }
}
