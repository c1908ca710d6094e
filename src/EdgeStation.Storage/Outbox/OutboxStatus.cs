namespace EdgeStation.Storage.Outbox;

/// <summary>What `edgestation sync status` and /metrics show of the outbox; counts and times only.</summary>
public sealed record OutboxStatus(
    int Depth,
    long Bytes,
    long CapacityBytes,
    long OldestPendingSeq,
    DateTimeOffset? OldestPendingAt,
    long LastSeq,
    long LastAckSeq,
    DateTimeOffset? LastAckAt,
    DateTimeOffset? FullSince,
    long DroppedHealth,
    long RefusedEnqueues)
{
    /// <summary>The "outbox full" alarm: a summary or ledger digest could not be stored and waits in its producer.</summary>
    public bool Full => FullSince is not null;

    public static OutboxStatus Empty(long capacityBytes) => new(0, 0, capacityBytes, 0, null, 0, 0, null, null, 0, 0);
}
