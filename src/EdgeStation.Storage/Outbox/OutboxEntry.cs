namespace EdgeStation.Storage.Outbox;

/// <summary>One envelope waiting for the center's acknowledgement: seq is gapless per station from 1.</summary>
public sealed record OutboxEntry(long Seq, OutboxKind Kind, DateTimeOffset CreatedAt, byte[] Payload)
{
    /// <summary>What the entry counts against the outbox's capacity: its payload and a fixed allowance for its row.</summary>
    public long Size => Payload.Length + OutboxStore.EntryOverheadBytes;
}
