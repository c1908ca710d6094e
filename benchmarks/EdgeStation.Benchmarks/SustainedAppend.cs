using System.Diagnostics;
using System.Globalization;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using LiteDB;

namespace EdgeStation.Benchmarks;

/// <summary>
/// `sustained-append DIR OUT.tsv [--writers N] [--seconds S]`: scripts/bench.sh's "sustained appends" stage (issue 19).
/// N writers (default 64) each append disputes through AppendAsync, one after the other, for S seconds (default 60) on
/// a fresh store in DIR (a real disk): acknowledged appends per second, and where the writer's time and allocations
/// went per step (<see cref="WriterStats"/>). Floor in the same run: bare LiteDB inserts of ledger-entry-sized
/// documents in transactions of the batch size the store averaged, for S/4 seconds: the apply rate LiteDB allows.
/// Writes key&lt;TAB&gt;value lines.
/// </summary>
public static class SustainedAppend
{
    public static async Task<int> RunAsync(string dir, string output, int writers, int seconds)
    {
        Directory.CreateDirectory(dir);
        var storeDir = Path.Combine(dir, "station");
        var commands = new RecordCommands(BenchData.Settings);
        var lines = new List<string> { Line("writers", writers), Line("seconds", seconds) };
        using (var store = LedgerStore.Open(storeDir))
        {
            store.Append(_ => BenchData.StationEvent());
            var before = Snapshot(store.Stats);
            var stop = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            var counts = new long[writers];
            var latencies = Enumerable.Range(0, writers).Select(_ => new List<double>()).ToArray(); // µs, each writer's own
            var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                while (stop.Elapsed < deadline)
                {
                    var started = Stopwatch.GetTimestamp();
                    await AppendOne(store, commands).ConfigureAwait(false);
                    latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    counts[w]++;
                }
            })).ToArray();
            var lastReport = 0;
            while (!Task.WaitAll(tasks, TimeSpan.FromSeconds(1)))
            {
                var elapsed = (int)stop.Elapsed.TotalSeconds;
                if (elapsed >= lastReport + 10)
                {
                    lastReport = elapsed;
                    Console.Error.WriteLine($"sustained-append: {elapsed} s, {counts.Sum()} acknowledged");
                }
            }
            var wall = stop.Elapsed.TotalSeconds;
            var total = counts.Sum();
            var after = Snapshot(store.Stats);
            var batches = after.Batches - before.Batches;
            var entries = after.Entries - before.Entries;
            lines.Add(Line("appends", total));
            lines.Add(Line("appends_per_s", total / wall));
            lines.Add(Line("batches", batches));
            lines.Add(Line("entries_per_batch", batches == 0 ? 0 : (double)entries / batches));
            // Each append from its call to its acknowledgement, as its caller waited (the whole run, warm-up included).
            var sorted = latencies.SelectMany(l => l).Order().ToArray();
            foreach (var (name, q) in new[] { ("p50", 0.50), ("p95", 0.95), ("p99", 0.99), ("p999", 0.999), ("max", 1.0) })
            {
                lines.Add(Line($"append_{name}_us", sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))]));
            }
            lines.Add(Line("appends_over_2ms", sorted.Count(us => us > 2000)));
            foreach (var stage in Enum.GetValues<WriterStage>())
            {
                var name = stage.ToString().ToLowerInvariant();
                var time = after.Time[(int)stage] - before.Time[(int)stage];
                var bytes = after.Bytes[(int)stage] - before.Bytes[(int)stage];
                lines.Add(Line($"stage_{name}_us_per_entry", entries == 0 ? 0 : time.TotalMicroseconds / entries));
                lines.Add(Line($"stage_{name}_share", time.TotalSeconds / wall));
                lines.Add(Line($"stage_{name}_bytes_per_entry", entries == 0 ? 0 : (double)bytes / entries));
            }
            var batchSize = Math.Max(1, (int)Math.Round(batches == 0 ? 1 : (double)entries / batches));
            var template = store.Entries().Last();
            lines.Add(Line("floor_batch", batchSize));
            lines.Add(Line("floor_inserts_per_s", BareInsertRate(Path.Combine(dir, "bare.db"), template, batchSize, TimeSpan.FromSeconds(Math.Max(5, seconds / 4)))));
        }
        await File.WriteAllLinesAsync(output, lines).ConfigureAwait(false);
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
        return 0;
    }

    private static Task<AppendResult?> AppendOne(LedgerStore store, RecordCommands commands)
    {
        var now = TimeProvider.System.GetUtcNow();
        return store.AppendAsync(view =>
        {
            var id = view.NextRecordId(RecordType.Dispute, commands.Time.LocalDate(now).Year);
            return commands.Create(RecordType.Dispute, id, BenchData.DisputeFields, "api:bench", now, view.Find);
        });
    }

    /// <summary>Bare LiteDB: ledger-entry-sized inserts, <paramref name="batch"/> per transaction, for <paramref name="duration"/>.</summary>
    private static double BareInsertRate(string path, LedgerEntry template, int batch, TimeSpan duration)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var ledger = db.GetCollection("ledger");
        ledger.EnsureIndex("recordId");
        long seq = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            db.BeginTrans();
            for (var i = 0; i < batch; i++)
            {
                seq++;
                ledger.Insert(AppendBenchmarks.BareEntry(seq, template));
            }
            db.Commit();
        }
        return seq / clock.Elapsed.TotalSeconds;
    }

    private static (long Batches, long Entries, TimeSpan[] Time, long[] Bytes) Snapshot(WriterStats stats)
    {
        var stages = Enum.GetValues<WriterStage>();
        return (stats.Batches, stats.Entries, [.. stages.Select(stats.Time)], [.. stages.Select(stats.AllocatedBytes)]);
    }

    private static string Line(string key, double value) => $"{key}\t{value.ToString("0.###", CultureInfo.InvariantCulture)}";
}
