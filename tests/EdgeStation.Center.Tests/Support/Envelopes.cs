using System.Security.Cryptography;
using System.Text;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;

namespace EdgeStation.Center.Tests.Support;

/// <summary>Envelopes a station would send: summaries with real-looking figures, a real hash chain of digests.</summary>
public static class Envelopes
{
    public static readonly DateTimeOffset At = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    public static Envelope Hourly(string station, ulong seq, uint noCasesStreak = 289, uint safetyIndexCenti = 9655) =>
        SyncContract.Wrap(station, seq, EnvelopeKind.HourlySummary, At.AddHours(seq), new HourlySummary
        {
            PeriodStart = At.ToUnixTimeMilliseconds(),
            PeriodEnd = At.AddHours(1).ToUnixTimeMilliseconds(),
            Figures = new Figures
            {
                AsOfDate = 20261130,
                Streaks = new StreakDays { NoCases = noCasesStreak, NoEscalatedPetitions = 200, NoLawsuits = 512, NoCults = 640 },
                FourNothing = new FourNothing { Year = 2026, Achieved = true },
                SafetyIndex = new SafetyIndex { IndexCenti = safetyIndexCenti },
                Disputes = new DisputeCounts { Red = 1 },
            },
        });

    public static Envelope Digests(string station, ulong seq, params LedgerDigest[] digests)
    {
        var payload = new LedgerDigests();
        payload.Entries.AddRange(digests);
        return SyncContract.Wrap(station, seq, EnvelopeKind.LedgerDigests, At.AddHours(seq), payload);
    }

    /// <summary>Ledger entries 1..count of a history whose contents are "entry N", chained as the station chains them.</summary>
    public static List<LedgerDigest> Chain(int count, string variant = "")
    {
        var list = new List<LedgerDigest>();
        var previous = LedgerChain.Genesis.ToArray();
        for (ulong seq = 1; seq <= (ulong)count; seq++)
        {
            var content = SHA256.HashData(Encoding.UTF8.GetBytes($"entry {seq}{(seq == (ulong)count ? variant : "")}"));
            var hash = LedgerChain.Hash(seq, previous, content);
            list.Add(new LedgerDigest { Seq = seq, ContentDigest = ByteString.CopyFrom(content), Hash = ByteString.CopyFrom(hash) });
            previous = hash;
        }
        return list;
    }
}
