using EdgeStation.Sync.V1;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class LiteCenterStore
{
    public StoredEnvelope? Envelope(string stationId, ulong seq) => Locked(() => _envelopes.FindById(Key(stationId, seq)) is { } d ? FromDocument(d) : null);

    /// <summary>
    /// One index entry per envelope, "station/kind/createdAt" (kind and time zero-padded, so text order is time
    /// order): a village's daily closes of one month are one range of it, however many months the file holds. An
    /// expression index, so LiteDB builds it for the envelopes of an older file when it opens it.
    /// </summary>
    private const string MadeIndex = "made";

    // FORMAT, not STRING: LiteDB writes an Int64 as extended JSON ({"$numberLong": …}), which does not sort as a number.
    public const string MadeExpression = "$.stationId + '/' + FORMAT($.kind, 'D3') + '/' + FORMAT($.createdAt, 'D15')";

    // Parameters, not values in the text: LiteDB compiles each distinct expression text once and keeps it.
    private const string MadeBetween = $"{MadeExpression} BETWEEN @0 AND @1";

    /// <summary>The station's envelopes of one kind made in the window: one range of the "made" index.</summary>
    public IReadOnlyList<StoredEnvelope> EnvelopesMade(string stationId, EnvelopeKind kind, long fromMs, long toMs)
    {
        if (toMs < fromMs || toMs < 0)
        {
            return [];
        }
        var query = BsonExpression.Create(MadeBetween, MadeKey(stationId, kind, Math.Max(fromMs, 0)), MadeKey(stationId, kind, toMs));
        return Locked(() => (IReadOnlyList<StoredEnvelope>)[.. _envelopes.Find(query).Select(FromDocument).OrderBy(e => e.CreatedAtMs).ThenBy(e => e.Seq)]);
    }

    private static string MadeKey(string stationId, EnvelopeKind kind, long ms) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stationId}/{(int)kind:D3}/{ms:D15}");

    private static StoredEnvelope FromDocument(BsonDocument d) =>
        new(d["stationId"].AsString, (ulong)d["seq"].AsInt64, (EnvelopeKind)d["kind"].AsInt32, d["createdAt"].AsInt64,
            (uint)d["contractVersion"].AsInt64, d["payload"].AsBinary, At(d["receivedAt"]), d["understood"].AsBoolean);

    public IReadOnlyDictionary<ulong, StoredEnvelope> Envelopes(string stationId, IReadOnlyCollection<ulong> seqs) => Locked(() => EnvelopesLocked(stationId, seqs));

    private Dictionary<ulong, StoredEnvelope> EnvelopesLocked(string stationId, IReadOnlyCollection<ulong> seqs)
    {
        var held = new Dictionary<ulong, StoredEnvelope>();
        if (seqs.Count == 0)
        {
            return held;
        }
        var (low, high) = (seqs.Min(), seqs.Max());
        if (high - low < 4 * (ulong)seqs.Count)
        {
            // A batch is a run of consecutive seqs: one range of the key index (empty for new envelopes), not a lookup each.
            var wanted = seqs as IReadOnlySet<ulong> ?? seqs.ToHashSet();
            foreach (var d in _envelopes.Find(BsonExpression.Create("_id BETWEEN @0 AND @1", Key(stationId, low), Key(stationId, high))))
            {
                var e = FromDocument(d);
                if (wanted.Contains(e.Seq))
                {
                    held[e.Seq] = e;
                }
            }
        }
        else
        {
            foreach (var seq in seqs)
            {
                if (Envelope(stationId, seq) is { } e)
                {
                    held[seq] = e;
                }
            }
        }
        if (_write.IsHeldByCurrentThread)
        {
            // Inside the writer's transaction nothing else inserts: what was just found absent stays absent until inserted.
            foreach (var seq in seqs)
            {
                if (!held.ContainsKey(seq))
                {
                    _absent.Add(Key(stationId, seq));
                }
            }
        }
        return held;
    }

    public long EnvelopeCount(string stationId) => Locked(() => _envelopes.LongCount(BsonExpression.Create("stationId = @0", stationId)));

    public void InsertEnvelope(StoredEnvelope e)
    {
        var key = Key(e.StationId, e.Seq);
        // Known absent from this transaction's own read: no second lookup (it read the whole document, payload and all).
        if (!_absent.Remove(key) && _envelopes.FindById(key) is not null)
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
