namespace EdgeStation.Center.Storage;

/// <summary>What a continuity alert is about. Stored by name: never renumber.</summary>
public enum AlertKind
{
    /// <summary>Ledger digests skipped one or more seqs.</summary>
    LedgerGap,
    /// <summary>An entry's hash does not follow from the previous entry's: the history forked or was rewritten.</summary>
    LedgerFork,
    /// <summary>A seq the center already held arrived with a different digest or hash.</summary>
    DigestChanged,
    /// <summary>A summary's ledger anchor disagrees with the digest the center holds for that seq.</summary>
    AnchorMismatch,
    /// <summary>An envelope seq arrived again with different contents; the first was kept.</summary>
    ConflictingEnvelope,
}
