using EdgeStation.Sync.V1;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class LiteCenterStore
{
    public StoredEnvelope? Envelope(string stationId, ulong seq) => _envelopes.FindById(Key(stationId, seq)) is { } d ? FromDocument(d) : null;

    /// <summary>Reads the station's envelopes through the stationId index and keeps those of the kind and window.</summary>
    public IReadOnlyList<StoredEnvelope> EnvelopesMade(string stationId, EnvelopeKind kind, long fromMs, long toMs) =>
        [.. _envelopes.Find(Query.EQ("stationId", stationId))
            .Where(d => d["kind"].AsInt32 == (int)kind && d["createdAt"].AsInt64 >= fromMs && d["createdAt"].AsInt64 <= toMs)
            .Select(FromDocument)
            .OrderBy(e => e.CreatedAtMs).ThenBy(e => e.Seq)];

    private static StoredEnvelope FromDocument(BsonDocument d) =>
        new(d["stationId"].AsString, (ulong)d["seq"].AsInt64, (EnvelopeKind)d["kind"].AsInt32, d["createdAt"].AsInt64,
            (uint)d["contractVersion"].AsInt64, d["payload"].AsBinary, At(d["receivedAt"]), d["understood"].AsBoolean);

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
