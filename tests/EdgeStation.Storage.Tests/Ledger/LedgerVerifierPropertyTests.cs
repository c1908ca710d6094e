using System.Text;
using CsCheck;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>Invariant 1: any edit, deletion or reordering of entries is caught and the first bad entry named.</summary>
public class LedgerVerifierPropertyTests
{
    private static readonly List<LedgerEntry> Full = Events.Chain(40);

    private static readonly Gen<int> Length = Gen.Int[2, 40];

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var result = LedgerVerifier.Verify(Full);

        Assert.True(result.Ok, result.Problem);
        Assert.Equal(new LedgerHead(40, Full[^1].Hash), result.Head);
    }

    [Fact]
    public void Changing_any_byte_of_any_entrys_content_is_caught_at_that_entry()
    {
        Gen.Select(Length, Gen.Int[0, 39], Gen.Int[0, 100_000], Gen.Byte[1, 255]).Sample((n, k, pos, flip) =>
        {
            var chain = Full.Take(n).ToList();
            var victim = chain[k % n];
            var bytes = Encoding.UTF8.GetBytes(victim.Content);
            bytes[pos % bytes.Length] ^= flip;
            chain[k % n] = victim with { Content = Encoding.UTF8.GetString(bytes) };

            var result = LedgerVerifier.Verify(chain);

            return !result.Ok && result.FirstBadSeq == victim.Seq;
        }, iter: 2000);
    }

    [Fact]
    public void Rewriting_an_entry_with_fresh_hashes_is_caught_at_that_entry_when_anything_follows_it()
    {
        Gen.Select(Length, Gen.Int[0, 39]).Sample((n, k) =>
        {
            var chain = Full.Take(n).ToList();
            var i = k % (n - 1); // not the last: the last needs the anchor (next test)
            var victim = chain[i];
            chain[i] = LedgerHasher.Seal(victim.Seq, victim.RecordId, victim.Content.Replace("neighbours", "neighbourz", StringComparison.Ordinal), victim.PrevHash);

            var result = LedgerVerifier.Verify(chain);

            return !result.Ok && result.FirstBadSeq == victim.Seq;
        }, iter: 500);
    }

    [Fact]
    public void Deleting_any_entry_is_caught_at_that_seq()
    {
        Gen.Select(Length, Gen.Int[0, 39]).Sample((n, k) =>
        {
            var chain = Full.Take(n).ToList();
            var i = k % (n - 1);
            chain.RemoveAt(i);

            var result = LedgerVerifier.Verify(chain);

            return !result.Ok && result.FirstBadSeq == i + 1;
        }, iter: 500);
    }

    [Fact]
    public void Deleting_an_entry_and_renumbering_the_rest_is_caught_at_that_seq()
    {
        Gen.Select(Length, Gen.Int[0, 39]).Sample((n, k) =>
        {
            var i = k % (n - 1);
            var chain = Full.Take(n).ToList();
            chain.RemoveAt(i);
            chain = chain.Select((e, idx) => e with { Seq = idx + 1 }).ToList();

            var result = LedgerVerifier.Verify(chain);

            return !result.Ok && result.FirstBadSeq == i + 1;
        }, iter: 500);
    }

    [Fact]
    public void Swapping_any_two_entries_is_caught_at_the_first_of_them()
    {
        Gen.Select(Length, Gen.Int[0, 39], Gen.Int[0, 39], Gen.Bool).Sample((n, a, b, renumber) =>
        {
            var i = Math.Min(a % n, b % n);
            var j = Math.Max(a % n, b % n);
            if (i == j)
            {
                j = (i + 1) % n;
                (i, j) = (Math.Min(i, j), Math.Max(i, j));
            }
            var chain = Full.Take(n).ToList();
            (chain[i], chain[j]) = (chain[j], chain[i]);
            if (renumber)
            {
                chain[i] = chain[i] with { Seq = i + 1 };
                chain[j] = chain[j] with { Seq = j + 1 };
            }

            var result = LedgerVerifier.Verify(chain);

            return !result.Ok && result.FirstBadSeq == i + 1;
        }, iter: 1000);
    }

    [Fact]
    public void A_cut_tail_passes_alone_but_fails_against_the_anchor()
    {
        Gen.Select(Length, Gen.Int[1, 39]).Sample((n, m) =>
        {
            var cut = Math.Min(m, n - 1);
            var anchor = new LedgerHead(n, Full[n - 1].Hash);
            var chain = Full.Take(n - cut).ToList();

            var alone = LedgerVerifier.Verify(chain);
            var anchored = LedgerVerifier.Verify(chain, anchor);

            return alone.Ok && !anchored.Ok && anchored.FirstBadSeq == n - cut + 1;
        }, iter: 300);
    }

    [Fact]
    public void The_anchor_catches_a_rewritten_history_that_was_resealed_to_the_end()
    {
        var chain = Full.Take(10).ToList();
        var anchor = new LedgerHead(10, chain[9].Hash);
        var prev = chain[3].PrevHash;
        for (var i = 3; i < 10; i++)
        {
            chain[i] = LedgerHasher.Seal(chain[i].Seq, chain[i].RecordId, chain[i].Content.Replace("摘要", "改写", StringComparison.Ordinal), prev);
            prev = chain[i].Hash;
        }

        Assert.True(LedgerVerifier.Verify(chain).Ok);
        var anchored = LedgerVerifier.Verify(chain, anchor);
        Assert.False(anchored.Ok);
        Assert.Equal(10, anchored.FirstBadSeq);
    }

    [Fact]
    public void A_non_canonical_re_encoding_is_caught_even_with_consistent_hashes()
    {
        var chain = Full.Take(3).ToList();
        var spaced = chain[2].Content.Replace(",", ", ", StringComparison.Ordinal);
        chain[2] = LedgerHasher.Seal(3, chain[2].RecordId, spaced, chain[2].PrevHash);

        var result = LedgerVerifier.Verify(chain);

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadSeq);
        Assert.Contains("canonical", result.Problem, StringComparison.Ordinal);
    }
}
