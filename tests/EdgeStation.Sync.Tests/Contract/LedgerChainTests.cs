using System.Security.Cryptography;
using System.Text;
using EdgeStation.Sync.Contract;

namespace EdgeStation.Sync.Tests.Contract;

public sealed class LedgerChainTests
{
    // Computed independently with Python's hashlib from docs/ledger.md's definition.
    private const string Entry1 = "f3cb2149d7c56b7b294aba65ee585ad1dbd7f9635e3584a0cace6b1279a40c74";
    private const string Entry2 = "59b32aa9d3c9700d3f1a799829f12c0e856015436b47dce7778b8d6837b0fb93";

    [Fact]
    public void Hash_matches_the_ledger_definition()
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("abc"));

        var first = LedgerChain.Hash(1, LedgerChain.Genesis, digest);
        var second = LedgerChain.Hash(2, first, digest);

        Assert.Equal(Entry1, Convert.ToHexStringLower(first));
        Assert.Equal(Entry2, Convert.ToHexStringLower(second));
    }
}
