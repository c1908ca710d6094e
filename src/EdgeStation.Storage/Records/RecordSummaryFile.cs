using System.Text;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Storage.Records;

/// <summary>
/// <c>records.summary</c> in the data dir: the record summaries as of a ledger head, so a station that starts
/// again does not read 100,000 records out of LiteDB to rebuild them. Derived data only: it names the head
/// (seq and hash) it was written at and is used only when that entry is in the ledger; anything unreadable or
/// foreign is ignored and rebuilt. Written to a temporary file and renamed into place.
/// </summary>
internal static class RecordSummaryFile
{
    public const string FileName = "records.summary";
    private const string Magic = "edgestation-record-summaries";
    private const int Version = 2;

    public static void Save(string dataDir, RecordSummaries summaries)
    {
        var path = Path.Combine(dataDir, FileName);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, Station.DataDirAccess.OwnerOnly(FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)))
        using (var w = new BinaryWriter(stream, Encoding.UTF8))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(summaries.Head.Seq);
            w.Write(summaries.Head.Hash);
            w.Write(summaries.Count);
            foreach (var s in summaries)
            {
                s.Write(w);
            }
            w.Write(Magic);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Only the head the file was written at (a few bytes read), or null when there is no readable file.</summary>
    public static LedgerHead? TryReadHead(string dataDir)
    {
        try
        {
            using var stream = new FileStream(Path.Combine(dataDir, FileName), FileMode.Open, FileAccess.Read, FileShare.Read, 512);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            return r.ReadString() == Magic && r.ReadInt32() == Version ? new LedgerHead(r.ReadInt64(), r.ReadString()) : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The head and summaries the file holds, or null when there is no usable file.</summary>
    public static (LedgerHead Head, List<RecordSummary> Summaries)? TryLoad(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (r.ReadString() != Magic || r.ReadInt32() != Version)
            {
                return null;
            }
            var head = new LedgerHead(r.ReadInt64(), r.ReadString());
            var count = r.ReadInt32();
            if (count < 0 || count > stream.Length)
            {
                return null;
            }
            var list = new List<RecordSummary>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add(RecordSummary.Read(r));
            }
            return r.ReadString() == Magic ? (head, list) : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null; // derived data: rebuilt from the ledger
        }
    }

    public static void Delete(string dataDir)
    {
        try
        {
            File.Delete(Path.Combine(dataDir, FileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale file is never used (its head is checked), so failing to delete it is harmless.
        }
    }
}
