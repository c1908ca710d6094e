using EdgeStation.Sync.V1;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class LiteCenterStore
{
    public StoredEnvelope? Envelope(string stationId, ulong seq) =>
        _envelopes.FindById(Key(stationId, seq)) is { } d
            ? new StoredEnvelope(d["stationId"].AsString, (ulong)d["seq"].AsInt64, (EnvelopeKind)d["kind"].AsInt32, d["createdAt"].AsInt64,
                (uint)d["contractVersion"].AsInt64, d["payload"].AsBinary, At(d["receivedAt"]), d["understood"].AsBoolean)
            : null;

    public IReadOnlyDictionary<ulong, StoredEnvelope> Envelopes(string stationId, IReadOnlyCollection<ulong> seqs)
    {
        var held = new Dictionary<ulong, StoredEnvelope>();
        foreach (var seq in seqs)
        {
            if (Envelope(stationId, seq) is { } e)
            {
                held[seq] = e;
            }
        }
        return held;
    }

    public long EnvelopeCount(string stationId) => _envelopes.LongCount(Query.EQ("stationId", stationId));

    public void InsertEnvelope(StoredEnvelope e)
    {
        if (_envelopes.FindById(Key(e.StationId, e.Seq)) is not null)
        {
            return; // the first one received is kept
        }
        _envelopes.Insert(ToDocument(e));
    }

    private static BsonDocument ToDocument(StoredEnvelope e) => new()
    {
        ["_id"] = Key(e.StationId, e.Seq),
        ["stationId"] = e.StationId,
        ["seq"] = (long)e.Seq,
        ["kind"] = (int)e.Kind,
        ["createdAt"] = e.CreatedAtMs,
        ["contractVersion"] = (long)e.ContractVersion,
        ["payload"] = e.Payload,
        ["receivedAt"] = Ms(e.ReceivedAt),
        ["understood"] = e.Understood,
    };
}
