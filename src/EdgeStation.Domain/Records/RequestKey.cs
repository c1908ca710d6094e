namespace EdgeStation.Domain.Records;

/// <summary>
/// The idempotency key (幂等键) a client sent with a write, and the digest of the request it came with. Kept in the
/// entry's content so that it survives a journal replay: a retry with the same key (and the same request) answers the
/// entry that was stored instead of storing a second one.
/// </summary>
/// <param name="Key">The client's key (the Idempotency-Key header), unique per submission and per actor.</param>
/// <param name="Request">SHA-256 (lowercase hex) of what was asked: a retry must ask the same.</param>
public sealed record RequestKey(string Key, string Request);
