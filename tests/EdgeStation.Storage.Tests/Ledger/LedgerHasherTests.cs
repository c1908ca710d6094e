using System.Security.Cryptography;
using System.Text;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Storage.Tests.Ledger;

public class LedgerHasherTests
{
    [Fact]
    public void Content_digest_is_sha256_of_the_utf8_bytes()
    {
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LedgerHasher.ContentDigest("abc"));
    }

    [Fact]
    public void Chain_hash_covers_big_endian_seq_then_previous_hash_then_digest()
    {
        var prev = LedgerHasher.GenesisHash;
        var digest = LedgerHasher.ContentDigest("abc");
        var bytes = new byte[72];
        bytes[7] = 1; // seq 1, 8 bytes big-endian
        Convert.FromHexString(digest).CopyTo(bytes, 40);
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        Assert.Equal(expected, LedgerHasher.ChainHash(1, prev, digest));
    }

    [Fact]
    public void Chain_hash_of_malformed_hex_is_empty_so_it_never_matches()
    {
        Assert.Equal("", LedgerHasher.ChainHash(1, "zz", LedgerHasher.ContentDigest("abc")));
    }

    [Fact]
    public void Digest_differs_when_one_byte_of_content_differs()
    {
        Assert.NotEqual(LedgerHasher.ContentDigest("{\"a\":1}"), LedgerHasher.ContentDigest(Encoding.UTF8.GetString("{\"a\":2}"u8)));
    }
}
