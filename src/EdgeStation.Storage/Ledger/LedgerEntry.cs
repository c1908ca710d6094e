namespace EdgeStation.Storage.Ledger;

/// <summary>
/// One entry of the hash chain as stored: the canonical content, its digest, the previous entry's hash and
/// this entry's hash = SHA-256(seq as 8 bytes big-endian ‖ prevHash ‖ contentDigest). Hashes are lowercase hex.
/// </summary>
public sealed record LedgerEntry(long Seq, string RecordId, string Content, string ContentDigest, string PrevHash, string Hash);
