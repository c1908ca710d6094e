using LiteDB;

namespace EdgeStation.Storage.Outbox;

/// <summary>An outbox entry as a LiteDB document, mapped by hand (LiteDB's mapper does not survive Native AOT).</summary>
internal static class OutboxBson
{
    public static BsonDocument ToBson(OutboxEntry e) => new()
    {
        ["_id"] = e.Seq,
        ["kind"] = (int)e.Kind,
        ["createdAt"] = e.CreatedAt.ToUnixTimeMilliseconds(),
        ["size"] = e.Size,
        ["payload"] = e.Payload,
        // Only health entries have it: the index then lists exactly what a full outbox may drop, oldest first.
        ["healthSeq"] = e.Kind == OutboxKind.Health ? e.Seq : BsonValue.Null,
    };

    public static OutboxEntry FromBson(BsonDocument doc) => new(
        doc["_id"].AsInt64,
        (OutboxKind)doc["kind"].AsInt32,
        DateTimeOffset.FromUnixTimeMilliseconds(doc["createdAt"].AsInt64),
        doc["payload"].AsBinary);
}
