namespace EdgeStation.Storage.Ledger;

/// <summary>
/// A command that opened a data dir with no database, and then committed nothing (its input was rejected), leaves
/// no database behind: a later look finds "no station database", not an empty ledger someone might take for one.
/// </summary>
internal static class CreatedFilesCleanup
{
    private static readonly string[] Files =
        [LedgerStore.FileName, DatabaseFileCheck.LogFileName, LedgerJournal.FileName, Records.RecordSummaryFile.FileName, Station.StationLock.FileName];

    /// <summary>After a clean close that committed nothing (the journal is empty by then).</summary>
    public static void Remove(string dataDir, bool folder)
    {
        try
        {
            foreach (var name in Files)
            {
                File.Delete(Path.Combine(dataDir, name));
            }
            if (folder && !Directory.EnumerateFileSystemEntries(dataDir).Any())
            {
                Directory.Delete(dataDir);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An empty database left behind holds nothing; the next command may use it.
        }
    }

    /// <summary>When opening a database this open had just created failed: the new data file goes (the journal stays).</summary>
    public static void RemoveDatabase(string dataDir)
    {
        try
        {
            File.Delete(Path.Combine(dataDir, LedgerStore.FileName));
            File.Delete(Path.Combine(dataDir, DatabaseFileCheck.LogFileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
