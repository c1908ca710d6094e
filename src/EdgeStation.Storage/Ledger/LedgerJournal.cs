using System.Globalization;
using System.Text;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The durability point of the ledger. LiteDB 5 commits to its write-ahead log from a background thread
/// (DiskService.WriteAsync), so a commit can return before its pages reach the OS, let alone the disk.
/// Each batch is therefore appended here and fsync'ed before anyone is acknowledged, and only then applied
/// to LiteDB; on open, entries the database lacks are replayed from here. Emptied whenever LiteDB has
/// checkpointed and synced its own file: by the writer once the journal passes <see cref="LedgerStore.JournalCheckpointBytes"/>,
/// and on a clean close.
/// Format: one line per entry, "seq TAB prevHash TAB hash TAB contentDigest TAB recordId TAB content LF"
/// (canonical content never holds a raw tab or newline).
/// </summary>
internal sealed class LedgerJournal : IDisposable
{
    public const string FileName = "station.journal";
    private readonly FileStream _stream;

    private LedgerJournal(FileStream stream) => _stream = stream;

    public string Path => _stream.Name;

    /// <summary>Bytes held now (what the next open would read).</summary>
    public long Length => _stream.Length;

    public static LedgerJournal Open(string dataDir)
    {
        var stream = new FileStream(System.IO.Path.Combine(dataDir, FileName), Station.DataDirAccess.OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1));
        return new LedgerJournal(stream);
    }

    /// <summary>Complete, intact entries in file order. A torn last line (crash mid-write, never acknowledged) ends the list.</summary>
    public List<LedgerEntry> ReadAll()
    {
        var entries = new List<LedgerEntry>();
        _stream.Position = 0;
        using var reader = new StreamReader(_stream, new UTF8Encoding(false), false, 64 * 1024, leaveOpen: true);
        var text = reader.ReadToEnd();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                break; // torn tail
            }
            var line = text.AsSpan(start, end - start);
            start = end + 1;
            if (!TryParse(line, out var entry))
            {
                if (start >= text.Length)
                {
                    break; // torn tail that happens to end in a newline
                }
                throw new StorageEnvironmentException(
                    $"{Path} is damaged before its end (line {entries.Count + 1}); the database may lack acknowledged entries. Keep a copy of both files and contact support.");
            }
            entries.Add(entry);
        }
        _stream.Seek(0, SeekOrigin.End);
        return entries;
    }

    /// <summary>Appends the entries and forces them to disk (fsync) before returning.</summary>
    public void AppendDurably(IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var sb = new StringBuilder(entries.Count * 700);
        foreach (var e in entries)
        {
            sb.Append(e.Seq.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.PrevHash).Append('\t')
              .Append(e.Hash).Append('\t')
              .Append(e.ContentDigest).Append('\t')
              .Append(e.RecordId).Append('\t')
              .Append(e.Content).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var position = _stream.Length;
        try
        {
            _stream.Seek(0, SeekOrigin.End);
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Leave no half batch behind (disk full): a later batch must follow a clean line end.
            TryTruncate(position);
            throw;
        }
    }

    /// <summary>Called once the database holds everything durably (after a LiteDB checkpoint, or its clean close).</summary>
    public void Clear()
    {
        _stream.SetLength(0);
        _stream.Flush(flushToDisk: true);
    }

    public void Dispose() => _stream.Dispose();

    private void TryTruncate(long length)
    {
        try
        {
            _stream.SetLength(length);
        }
        catch (IOException)
        {
            // Replay stops at the torn line, which was never acknowledged.
        }
    }

    private static bool TryParse(ReadOnlySpan<char> line, out LedgerEntry entry)
    {
        entry = null!;
        Span<Range> parts = stackalloc Range[7];
        if (line.Split(parts, '\t') != 6)
        {
            return false;
        }
        if (!long.TryParse(line[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }
        var candidate = new LedgerEntry(seq, line[parts[4]].ToString(), line[parts[5]].ToString(), line[parts[3]].ToString(), line[parts[1]].ToString(), line[parts[2]].ToString());
        if (LedgerHasher.ContentDigest(candidate.Content) != candidate.ContentDigest
            || LedgerHasher.ChainHash(candidate.Seq, candidate.PrevHash, candidate.ContentDigest) != candidate.Hash)
        {
            return false;
        }
        entry = candidate;
        return true;
    }
}
