using System.Text;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// LiteDB "repairs" a file it cannot read by truncating it, which would destroy whatever was there (a
/// mistyped --data-dir, a half-restored backup). So the header is checked before LiteDB ever opens the file.
/// </summary>
internal static class DatabaseFileCheck
{
    // LiteDB 5 header page: the text at offset 32, then the file format version (8).
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("** This is a LiteDB file **");
    private const int SignatureOffset = 32;
    private const byte FormatVersion = 8;
    private const int PageSize = 8192;

    public static void EnsureLiteDb(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return; // a new database
        }
        var header = new byte[SignatureOffset + Signature.Length + 1];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        var ok = info.Length >= PageSize
            && read == header.Length
            && header.AsSpan(SignatureOffset, Signature.Length).SequenceEqual(Signature)
            && header[^1] == FormatVersion;
        if (!ok)
        {
            throw new StorageEnvironmentException(
                $"{path} is not a station database (no LiteDB 5 header). It was left as it is: check --data-dir, or restore the file from a backup.");
        }
    }
}
