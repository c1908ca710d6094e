using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EdgeStation.Storage.Ledger;

/// <summary>The two hashes of the chain (docs/ledger.md).</summary>
public static class LedgerHasher
{
    /// <summary>The previous hash of entry 1: 32 zero bytes.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public static string ContentDigest(string content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    public static string ChainHash(long seq, string prevHashHex, string contentDigestHex)
    {
        Span<byte> buffer = stackalloc byte[8 + 32 + 32];
        BinaryPrimitives.WriteInt64BigEndian(buffer, seq);
        if (!TryHex(prevHashHex, buffer.Slice(8, 32)) || !TryHex(contentDigestHex, buffer.Slice(40, 32)))
        {
            return "";
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }

    public static LedgerEntry Seal(long seq, string recordId, string content, string prevHash)
    {
        var digest = ContentDigest(content);
        return new LedgerEntry(seq, recordId, content, digest, prevHash, ChainHash(seq, prevHash, digest));
    }

    private static bool TryHex(string hex, Span<byte> into) =>
        hex.Length == 64 && Convert.FromHexString(hex, into, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32;
}
