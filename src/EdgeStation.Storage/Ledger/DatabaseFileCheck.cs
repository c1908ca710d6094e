using System.Text;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// LiteDB "repairs" a file it cannot read: it cuts a file that does not end on a whole page down to the last
/// whole one, and marks a file it failed to read as invalid in its header. Either would change (or destroy) what
/// was there: a mistyped --data-dir, a half-restored backup, the evidence of damage. So the file is checked
/// before LiteDB ever opens it, and a refused file is left byte for byte as it was.
/// </summary>
internal static class DatabaseFileCheck
{
    // LiteDB 5 header page: the text at offset 32, then the file format version (8).
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("** This is a LiteDB file **");
    private const int SignatureOffset = 32;
    private const byte FormatVersion = 8;
    public const int PageSize = 8192;

    /// <summary>LiteDB 5's own log beside the data file (pages not yet checkpointed).</summary>
    public const string LogFileName = "station-log.db";

    public static void EnsureLiteDb(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return; // a new database
        }
        if (info.Length == 0)
        {
            throw new StorageEnvironmentException(
                $"{path} is an empty file where a station database (the ledger) was expected. It was left as it is: " +
                "restore station.db from a backup (only if this station never recorded anything, delete the empty file).");
        }
        var header = new byte[SignatureOffset + Signature.Length + 1];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        var ok = read == header.Length
            && header.AsSpan(SignatureOffset, Signature.Length).SequenceEqual(Signature)
            && header[^1] == FormatVersion;
        if (!ok)
        {
            throw new StorageEnvironmentException(
                $"{path} is not a station database (no LiteDB 5 header). It was left as it is: check --data-dir, or restore the file from a backup.");
        }
        if (info.Length % PageSize != 0)
        {
            throw new StorageEnvironmentException(
                $"{path} does not end on a whole page ({info.Length} bytes, pages are {PageSize}): it was cut short or only partly copied. " +
                "It was left as it is: restore it from a backup.");
        }
    }

    /// <summary>
    /// LiteDB copies every confirmed page of its log into the data file at the page number the page names, so a
    /// log of garbage would be "checkpointed" into terabytes of nonsense. Each page of the log must look like one
    /// LiteDB wrote: a known page type, a confirmed flag of 0 or 1, a page number within reach of the files, and a
    /// header page with the LiteDB signature. A torn last page (crash mid-write) is LiteDB's to drop.
    /// </summary>
    public static void EnsureLog(string dataDir)
    {
        var path = Path.Combine(dataDir, LogFileName);
        var log = new FileInfo(path);
        if (!log.Exists || log.Length == 0)
        {
            return;
        }
        var dataPages = new FileInfo(Path.Combine(dataDir, LedgerStore.FileName)).Length / PageSize;
        var logPages = log.Length / PageSize;
        var page = new byte[PageSize];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        for (long i = 0; i < logPages; i++)
        {
            stream.ReadExactly(page);
            if (!page.AsSpan().ContainsAnyExcept((byte)0))
            {
                continue; // LiteDB skips a zeroed page
            }
            var pageId = BitConverter.ToUInt32(page, 0);
            var type = page[4];
            var confirmed = page[18];
            var plausible = type <= 4 && confirmed <= 1 && pageId < dataPages + logPages
                && (type != 1 || (pageId == 0 && page.AsSpan(SignatureOffset, Signature.Length).SequenceEqual(Signature)));
            if (!plausible)
            {
                throw new StorageEnvironmentException(
                    $"{path} (LiteDB's log of recent changes) is not one LiteDB wrote: page {i} is not a page of this database. " +
                    "Both files were left as they are: move the log aside only after keeping a copy, then run 'edgestation records verify'.");
            }
        }
    }

    /// <summary>
    /// Whether a crash left something to finish: entries in the journal, or a torn last page in LiteDB's log.
    /// Only a writable open recovers them (and that is the one time a read command may write).
    /// </summary>
    public static bool NeedsRecovery(string dataDir)
    {
        var log = new FileInfo(Path.Combine(dataDir, LogFileName));
        return LedgerJournal.HoldsEntries(dataDir) || (log.Exists && log.Length % PageSize != 0);
    }
}
