using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>An acknowledged append: durable by the time the caller sees it.</summary>
public sealed record AppendResult(LedgerEntry Entry, RecordEvent Event, RecordSnapshot? Record);
