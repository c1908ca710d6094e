using LiteDB;

namespace EdgeStation.Storage.Outbox;

/// <summary>
/// The outbox's counters, kept in one document written in the same transaction as every change of the entries, so
/// the seq never repeats (even once every entry is acknowledged and removed) and depth and bytes need no scan.
/// </summary>
internal sealed record OutboxMeta(
    long LastSeq, int Depth, long Bytes, long LastAckSeq, DateTimeOffset? LastAckAt, DateTimeOffset? FullSince, long DroppedHealth, long Refused)
{
    public static OutboxMeta From(BsonDocument? doc) => doc is null
        ? new OutboxMeta(0, 0, 0, 0, null, null, 0, 0)
        : new OutboxMeta(
            doc["lastSeq"].AsInt64,
            doc["depth"].AsInt32,
            doc["bytes"].AsInt64,
            doc["lastAckSeq"].AsInt64,
            Time(doc["lastAckAt"]),
            Time(doc["fullSince"]),
            doc["droppedHealth"].AsInt64,
            doc["refused"].AsInt64);

    public BsonDocument ToBson(string id) => new()
    {
        ["_id"] = id,
        ["lastSeq"] = LastSeq,
        ["depth"] = Depth,
        ["bytes"] = Bytes,
        ["lastAckSeq"] = LastAckSeq,
        ["lastAckAt"] = Time(LastAckAt),
        ["fullSince"] = Time(FullSince),
        ["droppedHealth"] = DroppedHealth,
        ["refused"] = Refused,
    };

    // Unix milliseconds: LiteDB's own dates keep local-time quirks and lose the offset.
    private static DateTimeOffset? Time(BsonValue v) => v.IsInt64 ? DateTimeOffset.FromUnixTimeMilliseconds(v.AsInt64) : null;

    private static BsonValue Time(DateTimeOffset? t) => t is { } at ? new BsonValue(at.ToUnixTimeMilliseconds()) : BsonValue.Null;
}
