namespace EdgeStation.Storage.Outbox;

/// <summary>
/// How far a producer has got (the last ledger seq digested, the last hour summarised), stored in the same transaction
/// as the entry it produced: after a crash the producer neither repeats nor skips an entry.
/// </summary>
public readonly record struct ProducerCursor(string Name, long Value);
