namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The ledger's writer could not write and is retrying by itself (bounded backoff): reads go on, writes are refused
/// with <see cref="StorageEnvironmentException"/> until a retry succeeds.
/// </summary>
/// <param name="Kind">Disk full, or another write failure.</param>
/// <param name="Detail">The operating system's or LiteDB's message.</param>
/// <param name="Since">When the first failure happened (the store's clock).</param>
public sealed record StoreFault(StoreFaultKind Kind, string Detail, DateTimeOffset Since)
{
    /// <summary>Retries made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next retry runs; null while one is running or not yet scheduled.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>
    /// The journal holds entries the database does not (LiteDB refused their commit after the journal's fsync): they are
    /// applied by the retry that succeeds, or when the station next opens the database.
    /// </summary>
    public bool JournalAhead { get; init; }

    public string Reason => Kind == StoreFaultKind.DiskFull ? "disk full" : "storage write failed";

    internal static StoreFaultKind Classify(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            // .NET on Linux carries errno in HResult: ENOSPC 28, EDQUOT 122.
            if (e is IOException io && (io.HResult is 28 or 122 || io.Message.Contains("No space left", StringComparison.Ordinal)
                || io.Message.Contains("quota", StringComparison.OrdinalIgnoreCase)))
            {
                return StoreFaultKind.DiskFull;
            }
        }
        return StoreFaultKind.WriteFailed;
    }
}
