using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>An acknowledged append: durable by the time the caller sees it.</summary>
public sealed record AppendResult(LedgerEntry Entry, RecordEvent Event, RecordSnapshot? Record)
{
    /// <summary>
    /// True when the request's idempotency key was already stored: <see cref="Entry"/> is the entry stored then,
    /// <see cref="Record"/> the record as that entry left it, and nothing new was written.
    /// </summary>
    public bool Repeated { get; init; }
}
