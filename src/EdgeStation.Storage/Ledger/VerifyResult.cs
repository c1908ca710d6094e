namespace EdgeStation.Storage.Ledger;

/// <summary>The outcome of walking the chain: ok, or the first bad entry and what is wrong with it.</summary>
public sealed record VerifyResult(bool Ok, long EntriesChecked, LedgerHead Head, long? FirstBadSeq, string? Problem);
