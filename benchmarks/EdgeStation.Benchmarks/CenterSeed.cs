using System.Diagnostics;
using EdgeStation.Center.Cli;
using EdgeStation.Center.Storage;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;

namespace EdgeStation.Benchmarks;

/// <summary>
/// `center-seed`: a center data dir (and optionally a PostgreSQL database) holding what a township of N villages
/// leaves after some months: each village enrolled, one daily close (每日日结) a day for every day of those months, as
/// received on that day, and its latest figures and last contact on the station row. Written straight through the
/// store API (<see cref="ICenterStore"/>), one transaction per village, so 2,000 villages × 12 months take a couple
/// of minutes instead of 730,000 pushes. For bench.sh's dashboard stage: the pages under wrk read what ingest would
/// have left, and the months are there for the reports to stay flat against.
/// </summary>
public static class CenterSeed
{
    public static int Run(string dataDir, int stations, int months, string? database, DateTimeOffset now)
    {
        var dbArgs = database is null ? Array.Empty<string>() : ["--db", database];
        var quiet = new CenterContext(TextWriter.Null, Console.Error, TimeProvider.System, _ => null);
        if (CenterCli.Run(["ca", "init", "--name", "基准镇", "--data-dir", dataDir, .. dbArgs], quiet) != 0)
        {
            Console.Error.WriteLine("center-seed: ca init failed");
            return 3;
        }
        var clock = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddMonths(-months);
        var random = new Random(16);
        long envelopes = 0;
        using var store = CenterStores.Open(dataDir, database, mustExist: true, TimeProvider.System);
        for (var i = 1; i <= stations; i++)
        {
            var id = $"village-{i:D5}";
            var station = store.Enroll(id, $"模拟村{i}", $"{i:X8}", now.AddMonths(-months - 1));
            var index = 8000 + random.Next(1900);
            store.InTransaction(() =>
            {
                ulong seq = 0;
                Figures? latest = null;
                DateTimeOffset made = default;
                for (var day = first; day < today; day = day.AddDays(1))
                {
                    // 23:59 local (UTC+8) is 15:59 UTC: the close of that day, received a minute later.
                    made = new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 59)), TimeSpan.Zero);
                    index = Math.Clamp(index + random.Next(-30, 31), 6000, 9999);
                    latest = Figures(day, index, seq);
                    var close = new DailyClose { LocalDate = Yyyymmdd(day), Figures = latest };
                    seq++;
                    store.InsertEnvelope(new StoredEnvelope(id, seq, EnvelopeKind.DailyClose, made.ToUnixTimeMilliseconds(), SyncContract.Version,
                        close.ToByteArray(), made.AddMinutes(1), true));
                }
                envelopes += (long)seq;
                // Most villages spoke within the hour; one in twenty has been silent for a day (失联 on the page).
                var contact = i % 20 == 0 ? now.AddDays(-1) : now.AddMinutes(-random.Next(60));
                store.SaveStation(station with { LastContact = contact, Envelopes = (long)seq, LatestFigures = latest, FiguresAt = made });
                return 0;
            });
            if (i % 200 == 0)
            {
                Console.Error.WriteLine($"center-seed: {i} of {stations} villages, {envelopes} daily closes, {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        Console.WriteLine($"seeded\t{stations}\t{envelopes}\t{clock.Elapsed.TotalSeconds:F1}");
        return 0;
    }

    private static Figures Figures(DateOnly day, int indexCenti, ulong seq) => new()
    {
        AsOfDate = Yyyymmdd(day),
        Streaks = new StreakDays { NoCases = (uint)(seq % 400), NoEscalatedPetitions = (uint)(seq % 300), NoLawsuits = (uint)seq, NoCults = (uint)seq + 100 },
        FourNothing = new FourNothing { Year = (uint)day.Year, Achieved = indexCenti > 8500 },
        SafetyIndex = new SafetyIndex { IndexCenti = (uint)indexCenti },
        Disputes = new DisputeCounts { Red = indexCenti < 7000 ? 1u : 0u, Open = 2, Resolved = (uint)(seq / 5) },
        Petitions = new PetitionCounts { Overdue = indexCenti < 6500 ? 1u : 0u },
    };

    private static uint Yyyymmdd(DateOnly day) => (uint)(day.Year * 10000 + day.Month * 100 + day.Day);
}
