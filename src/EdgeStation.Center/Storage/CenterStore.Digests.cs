using EdgeStation.Sync.V1;
using Google.Protobuf;
using LiteDB;

namespace EdgeStation.Center.Storage;

public sealed partial class CenterStore
{
    /// <summary>The digest the center holds for one ledger entry of a station, or null.</summary>
    public LedgerDigest? Digest(string stationId, ulong seq) =>
        Digests.FindById(Key(stationId, seq)) is { } d
            ? new LedgerDigest { Seq = seq, ContentDigest = ByteString.CopyFrom(d["contentDigest"].AsBinary), Hash = ByteString.CopyFrom(d["hash"].AsBinary) }
            : null;

    /// <summary>Inside an ingest transaction.</summary>
    internal void InsertDigest(string stationId, LedgerDigest digest) => Digests.Insert(new BsonDocument
    {
        ["_id"] = Key(stationId, digest.Seq),
        ["contentDigest"] = digest.ContentDigest.ToByteArray(),
        ["hash"] = digest.Hash.ToByteArray(),
    });
}
