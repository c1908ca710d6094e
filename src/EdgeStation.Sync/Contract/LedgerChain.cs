using System.Buffers.Binary;
using System.Security.Cryptography;

namespace EdgeStation.Sync.Contract;

/// <summary>
/// The ledger's entry hash, SHA-256(seq ‖ prevHash ‖ contentDigest) with seq as 8 bytes big-endian
/// (docs/ledger.md): what lets the center check a station's chain from digests alone.
/// </summary>
public static class LedgerChain
{
    public const int DigestLength = 32;

    /// <summary>The prevHash of entry 1: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[DigestLength];

    public static byte[] Hash(ulong seq, ReadOnlySpan<byte> prevHash, ReadOnlySpan<byte> contentDigest)
    {
        if (prevHash.Length != DigestLength || contentDigest.Length != DigestLength)
        {
            throw new ArgumentException($"ledger digests are {DigestLength} bytes");
        }
        Span<byte> input = stackalloc byte[8 + DigestLength + DigestLength];
        BinaryPrimitives.WriteUInt64BigEndian(input, seq);
        prevHash.CopyTo(input[8..]);
        contentDigest.CopyTo(input[(8 + DigestLength)..]);
        return SHA256.HashData(input);
    }
}
