using EdgeStation.Sync.V1;
using Google.Protobuf;

namespace EdgeStation.Sync.Summaries;

/// <summary>
/// Ledger hashes on the wire are the 32 raw bytes behind the lowercase hex the station prints (docs/ledger.md);
/// these helpers convert both ways so an anchor printed as SEQ:HASH compares with what the center holds.
/// </summary>
public static class LedgerAnchors
{
    public const int HashLength = 32;

    public static ByteString Hash(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        return bytes.Length == HashLength
            ? ByteString.CopyFrom(bytes)
            : throw new ArgumentException($"a ledger hash is {HashLength} bytes, this one {bytes.Length}", nameof(hex));
    }

    public static string Hex(ByteString hash) => Convert.ToHexStringLower(hash.Span);

    public static LedgerAnchor Head(long seq, string hashHex) => new() { Seq = (ulong)seq, Hash = Hash(hashHex) };

    public static MonthlyReportAnchor Monthly(DateOnly month, long seq, string hashHex) =>
        new() { Month = (uint)((month.Year * 100) + month.Month), Seq = (ulong)seq, Hash = Hash(hashHex) };

    /// <summary>The anchor as the monthly report prints it, SEQ:HASH.</summary>
    public static string Text(ulong seq, ByteString hash) => $"{seq}:{Hex(hash)}";
}
