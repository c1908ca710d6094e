namespace EdgeStation.Storage.Access;

/// <summary>
/// Free space below which the access event log writes nothing (the ledger's <c>EnsureSpace</c> applies the same rule to
/// station.db with its own, smaller reserve). LiteDB 5 does not survive a commit the disk refuses (a transaction left
/// behind whose finalizer ends the process, LiteDB issue #2574), so the log stops while a whole batch and a checkpoint
/// still fit, and LiteDB never meets the full disk.
/// </summary>
internal static class DiskReserve
{
    /// <summary>Throws <see cref="DiskReserveException"/> when <paramref name="dir"/> has less than <paramref name="reserve"/> bytes free.</summary>
    public static void Ensure(string dir, long reserve, string keptFor)
    {
        if (reserve <= 0)
        {
            return;
        }
        long free;
        try
        {
            free = new DriveInfo(dir).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return; // cannot tell: the write finds out (and an abandoned instance is kept, see AbandonedLiteDb)
        }
        if (free < reserve)
        {
            throw new DiskReserveException($"{free / 1024} KB free in {dir}, below the {reserve / 1024} KB kept for {keptFor}");
        }
    }
}
