namespace EdgeStation.Storage.Ledger;

/// <summary>Why the ledger cannot take writes for now.</summary>
public enum StoreFaultKind
{
    /// <summary>No space left on the data dir's file system (ENOSPC, EDQUOT).</summary>
    DiskFull,
    /// <summary>Any other refused write (an I/O error, a read-only remount).</summary>
    WriteFailed,
}
