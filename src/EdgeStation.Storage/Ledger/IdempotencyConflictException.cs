namespace EdgeStation.Storage.Ledger;

/// <summary>An idempotency key that was already used for a different request: nothing was written.</summary>
public sealed class IdempotencyConflictException(string key, long seq)
    : Exception($"the Idempotency-Key '{key}' was already used for a different request (stored as ledger entry {seq}); send a new key for a new request")
{
    public long Seq { get; } = seq;
}
