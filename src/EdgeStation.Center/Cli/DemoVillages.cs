using System.Security.Cryptography;
using System.Text;
using EdgeStation.Sync.Client;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Grpc.Core;

namespace EdgeStation.Center.Cli;

/// <summary>
/// The demo's three villages and what they send: 东山村 an intact ledger and good figures, 西山村 a ledger whose last
/// entries were rewritten after they were sent (the center raises an alert), 南湖村 never connects (stale).
/// Envelopes are fixed, so running the demo again shows idempotent ingest (all duplicates).
/// </summary>
internal static class DemoVillages
{
    public static readonly (string Id, string Name)[] All = [("dongshan", "东山村"), ("xishan", "西山村"), ("nanhu", "南湖村")];

    private static readonly DateTimeOffset MadeAt = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    public static async Task<List<string>> Push(string dataDir, Uri center, DateTimeOffset now)
    {
        var lines = new List<string>();
        var dongshan = Chain("dongshan", 40, rewriteFrom: null);
        lines.Add(await Send(dataDir, center, now, "dongshan",
            Summary("dongshan", 1, new StreakDays { NoCases = 289, NoEscalatedPetitions = 200, NoLawsuits = 512, NoCults = 640 }, true, 9655, red: 0, overdue: 0),
            Digests("dongshan", 2, dongshan),
            Health("dongshan", 3)));
        var xishan = Chain("xishan", 30, rewriteFrom: null);
        var rewritten = Chain("xishan", 30, rewriteFrom: 28);
        lines.Add(await Send(dataDir, center, now, "xishan",
            Summary("xishan", 1, new StreakDays { NoCases = 12, NoEscalatedPetitions = 45, NoLawsuits = 300, NoCults = 800 }, false, 8120, red: 2, overdue: 1),
            Digests("xishan", 2, xishan),
            Digests("xishan", 3, rewritten.Skip(27))));
        lines.Add("南湖村 (nanhu): enrolled, never connects: shown as 失联");
        return lines;
    }

    private static async Task<string> Send(string dataDir, Uri center, DateTimeOffset now, string id, params Envelope[] envelopes)
    {
        using var channel = StationChannel.Create(DemoCommand.Bundle(dataDir, id, now), address: center);
        using var call = new StationSync.StationSyncClient(channel).Push();
        var acks = new List<string>();
        foreach (var e in envelopes)
        {
            await call.RequestStream.WriteAsync(e);
            if (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                acks.Add(call.ResponseStream.Current.Status.ToString());
            }
        }
        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            // the center ends its side once ours is complete
        }
        return $"{id}: pushed {envelopes.Length} envelopes over mutual TLS, acks: {string.Join(", ", acks)}";
    }

    private static Envelope Summary(string id, ulong seq, StreakDays streaks, bool fourNothing, uint indexCenti, uint red, uint overdue) =>
        SyncContract.Wrap(id, seq, EnvelopeKind.HourlySummary, MadeAt.AddMinutes(seq), new HourlySummary
        {
            PeriodStart = MadeAt.AddHours(-1).ToUnixTimeMilliseconds(),
            PeriodEnd = MadeAt.ToUnixTimeMilliseconds(),
            Figures = new Figures
            {
                AsOfDate = 20261130,
                StationStartDate = 20250101,
                HolidayScheduleKnown = true,
                Streaks = streaks,
                FourNothing = new FourNothing { Year = 2026, Achieved = fourNothing, Cases = fourNothing ? 0u : 1u },
                Disputes = new DisputeCounts { Red = red },
                Petitions = new PetitionCounts { Overdue = overdue },
                SafetyIndex = new SafetyIndex { IndexCenti = indexCenti },
            },
        });

    private static Envelope Digests(string id, ulong seq, IEnumerable<LedgerDigest> digests)
    {
        var payload = new LedgerDigests();
        payload.Entries.AddRange(digests);
        return SyncContract.Wrap(id, seq, EnvelopeKind.LedgerDigests, MadeAt.AddMinutes(seq), payload);
    }

    private static Envelope Health(string id, ulong seq) =>
        SyncContract.Wrap(id, seq, EnvelopeKind.Health, MadeAt.AddMinutes(seq), new Health
        {
            DiskFreeBytes = 21_474_836_480,
            DiskTotalBytes = 31_138_512_896,
            TemperatureMilliCelsius = 48_500,
            UptimeSeconds = 1_296_000,
            Version = "demo",
            LastVerifyResult = VerifyResult.Intact,
            LastVerifyAt = MadeAt.AddHours(-8).ToUnixTimeMilliseconds(),
        });

    /// <summary>A station's ledger digests 1..count; from <paramref name="rewriteFrom"/> on, the contents were changed.</summary>
    private static List<LedgerDigest> Chain(string id, int count, int? rewriteFrom)
    {
        var list = new List<LedgerDigest>();
        var previous = LedgerChain.Genesis.ToArray();
        for (var seq = 1; seq <= count; seq++)
        {
            var text = seq >= rewriteFrom ? $"{id} entry {seq} (rewritten)" : $"{id} entry {seq}";
            var content = SHA256.HashData(Encoding.UTF8.GetBytes(text));
            var hash = LedgerChain.Hash((ulong)seq, previous, content);
            list.Add(new LedgerDigest { Seq = (ulong)seq, ContentDigest = ByteString.CopyFrom(content), Hash = ByteString.CopyFrom(hash) });
            previous = hash;
        }
        return list;
    }
}
