using EdgeStation.Sync.V1;
using Google.Protobuf;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class LiteCenterStore
{
    /// <summary>The digest the center holds for one ledger entry of a station, or null.</summary>
    public LedgerDigest? Digest(string stationId, ulong seq) => Locked(() =>
        _digests.FindById(Key(stationId, seq)) is { } d
            ? new LedgerDigest { Seq = seq, ContentDigest = ByteString.CopyFrom(d["contentDigest"].AsBinary), Hash = ByteString.CopyFrom(d["hash"].AsBinary) }
            : null);

    public IReadOnlyDictionary<ulong, LedgerDigest> Digests(string stationId, ulong from, ulong to) => Locked(() => DigestsLocked(stationId, from, to));

    private Dictionary<ulong, LedgerDigest> DigestsLocked(string stationId, ulong from, ulong to)
    {
        var held = new Dictionary<ulong, LedgerDigest>();
        // Keys are zero-padded, so the id range is the seq range.
        foreach (var d in _digests.Find(BsonExpression.Create("_id BETWEEN @0 AND @1", Key(stationId, from), Key(stationId, to))))
        {
            var seq = ulong.Parse(d["_id"].AsString.AsSpan(stationId.Length + 1), System.Globalization.CultureInfo.InvariantCulture);
            held[seq] = new LedgerDigest { Seq = seq, ContentDigest = ByteString.CopyFrom(d["contentDigest"].AsBinary), Hash = ByteString.CopyFrom(d["hash"].AsBinary) };
        }
        return held;
    }

    public void InsertDigest(string stationId, LedgerDigest digest) => _digests.Insert(new BsonDocument
    {
        ["_id"] = Key(stationId, digest.Seq),
        ["contentDigest"] = digest.ContentDigest.ToByteArray(),
        ["hash"] = digest.Hash.ToByteArray(),
    });
}
