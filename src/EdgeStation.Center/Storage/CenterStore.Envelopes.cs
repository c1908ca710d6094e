using EdgeStation.Sync.V1;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class CenterStore
{
    public StoredEnvelope? Envelope(string stationId, ulong seq) =>
        Envelopes.FindById(Key(stationId, seq)) is { } d
            ? new StoredEnvelope(d["stationId"].AsString, (ulong)d["seq"].AsInt64, (EnvelopeKind)d["kind"].AsInt32, d["createdAt"].AsInt64,
                (uint)d["contractVersion"].AsInt64, d["payload"].AsBinary, At(d["receivedAt"]), d["understood"].AsBoolean)
            : null;

    public int EnvelopeCount(string stationId) => Envelopes.Count(Query.EQ("stationId", stationId));

    /// <summary>Inside an ingest transaction.</summary>
    internal void InsertEnvelope(StoredEnvelope e) => Envelopes.Insert(new BsonDocument
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
    });
}
