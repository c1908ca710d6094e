using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Cli;
using EdgeStation.Center.Storage;
using EdgeStation.Sync.Bundle;
using Google.Protobuf;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Issue 16's load generator (`center-load`): N simulated stations, each with an identity of its own, pushing to a
/// real `edgestation-center run` in a child process (so its CPU and RSS are its own) over loopback mutual TLS.
/// <list type="number">
/// <item>Setup, once per run: `ca init`, then N stations enrolled straight through the store and the CA (one
/// certificate and bundle each, kept in memory: no files, no N command runs).</item>
/// <item>Warm-up (not measured): 200 stations push their backlog, so the center's hot paths are compiled.</item>
/// <item>Reconnect: every station at once opens a new connection and drains a backlog (a township back from a power
/// cut): ack latency of each envelope, wall time, the center's CPU and RSS.</item>
/// <item>Steady: for S seconds each station pushes one hourly summary every I seconds over a new connection (phases
/// spread evenly): the same figures at a steady rate.</item>
/// </list>
/// Results: one `key value` line each in OUT.tsv. Not a BenchmarkDotNet job: its unit is the whole township.
/// </summary>
public static class CenterLoad
{
    private const int WarmUpStations = 200;

    public static async Task<int> RunAsync(string dir, string output, CenterLoadOptions options)
    {
        var results = new List<(string Key, string Value)>();
        void Put(string key, object value) => results.Add((key, Convert.ToString(value, CultureInfo.InvariantCulture)!));
        var dbArgs = options.Database is null ? Array.Empty<string>() : ["--db", options.Database];
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        var data = Path.Combine(Path.GetFullPath(dir), "center");
        var quiet = new CenterContext(TextWriter.Null, Console.Error, TimeProvider.System, _ => null);
        if (CenterCli.Run(["ca", "init", "--name", "基准镇", "--data-dir", data, .. dbArgs], quiet) != 0)
        {
            Console.Error.WriteLine("center-load: ca init failed");
            return 3;
        }
        var port = FreePort();
        var endpoint = new Uri($"https://127.0.0.1:{port}");
        Put("stations", options.Stations);
        Put("backlog", options.Backlog);
        Put("store", options.Database is null ? "LiteDB" : "PostgreSQL");
        Put("load_average_start", LoadAverage());

        var enrolling = Stopwatch.StartNew();
        var payload = SyncDrainBenchmarks.Summary().ToByteString();
        var stations = new List<LoadStation>(options.Stations);
        using (var store = CenterStores.Open(data, options.Database, mustExist: true, TimeProvider.System))
        using (var authority = AuthorityFiles.Load(data))
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 1; i <= options.Stations; i++)
            {
                var id = $"load-{i:D5}";
                var bundle = StationBundle.Issue(authority, id, $"模拟村{i}", endpoint, now);
                using (var certificate = bundle.ClientCertificate())
                {
                    store.Enroll(id, $"模拟村{i}", certificate.SerialNumber, now);
                }
                stations.Add(new LoadStation(bundle, endpoint, payload));
            }
        }
        Put("enroll_s", Seconds(enrolling.Elapsed));
        Console.Error.WriteLine($"center-load: {options.Stations} stations enrolled in {enrolling.Elapsed.TotalSeconds:F1} s");

        using var center = StartCenter(data, port, dbArgs, Path.Combine(dir, "center.log"));
        try
        {
            // Warm-up, outside the figures: a running center has long since compiled its hot paths (tier-1 JIT); a fresh
            // process spends a quarter of its CPU in the JIT during the first thousands of envelopes (perf, 500 stations).
            var warm = stations.Take(Math.Min(stations.Count, WarmUpStations)).ToList();
            Console.Error.WriteLine($"center-load: warm-up: {warm.Count} stations × {options.Backlog} envelopes (not measured)");
            if ((await Task.WhenAll(warm.Select(s => s.PushAsync(options.Backlog, CancellationToken.None)))).Any(ok => !ok))
            {
                Console.Error.WriteLine($"center-load: the warm-up failed: {warm.First(s => s.FirstError is not null).FirstError}");
                return 1;
            }
            Put("center_pid", center.Id);
            Put("center_rss_ready_kb", ProcessUsage.Of(center.Id).RssKb);

            Console.Error.WriteLine($"center-load: reconnect: {options.Stations} stations × {options.Backlog} envelopes at once");
            await Phase("reconnect", stations, center.Id, Put, () => Task.WhenAll(stations.Select(s => s.PushAsync(options.Backlog, CancellationToken.None))));

            if (options.SteadySeconds > 0)
            {
                Console.Error.WriteLine($"center-load: steady: one envelope per station every {options.IntervalSeconds} s for {options.SteadySeconds} s");
                Put("steady_interval_s", options.IntervalSeconds);
                await Phase("steady", stations, center.Id, Put, () => Steady(stations, options));
            }
            Put("load_average_end", LoadAverage());
        }
        finally
        {
            center.Kill();
            center.WaitForExit();
        }
        await File.WriteAllLinesAsync(output, results.Select(r => $"{r.Key}\t{r.Value}"));
        foreach (var (key, value) in results)
        {
            Console.WriteLine($"{key}\t{value}");
        }
        var failures = stations.Sum(s => s.Failures);
        if (failures > 0)
        {
            Console.Error.WriteLine($"center-load: {failures} pushes failed; first: {stations.First(s => s.FirstError is not null).FirstError}");
            return 1;
        }
        return 0;
    }

    private static async Task Phase(string name, List<LoadStation> stations, int centerPid, Action<string, object> put, Func<Task> work)
    {
        foreach (var s in stations)
        {
            s.Latencies.Clear();
        }
        var failuresBefore = stations.Sum(s => s.Failures);
        var before = ProcessUsage.Of(centerPid);
        var ownBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await work();
        wall.Stop();
        var after = ProcessUsage.Of(centerPid);
        var latencies = stations.SelectMany(s => s.Latencies).Order().ToArray();
        put($"{name}_wall_s", Seconds(wall.Elapsed));
        put($"{name}_envelopes", latencies.Length);
        put($"{name}_envelopes_per_s", Math.Round(latencies.Length / wall.Elapsed.TotalSeconds));
        put($"{name}_failed_pushes", stations.Sum(s => s.Failures) - failuresBefore);
        foreach (var p in new[] { 50, 95, 99 })
        {
            put($"{name}_ack_p{p}_ms", Ms(Percentile(latencies, p)));
        }
        put($"{name}_ack_max_ms", Ms(latencies.Length == 0 ? 0 : latencies[^1]));
        put($"{name}_center_cpu_s", Seconds(after.Cpu - before.Cpu));
        put($"{name}_center_cpu_cores", Math.Round((after.Cpu - before.Cpu) / wall.Elapsed, 2));
        put($"{name}_generator_cpu_s", Seconds(Process.GetCurrentProcess().TotalProcessorTime - ownBefore));
        put($"{name}_center_rss_end_kb", after.RssKb);
        put($"{name}_center_rss_peak_kb", after.PeakRssKb);
        put($"{name}_load_average_end", LoadAverage());
    }

    /// <summary>Each station pushes one envelope every interval, its first at an even share of the interval.</summary>
    private static Task Steady(List<LoadStation> stations, CenterLoadOptions options)
    {
        var interval = TimeSpan.FromSeconds(options.IntervalSeconds);
        var end = TimeSpan.FromSeconds(options.SteadySeconds);
        var clock = Stopwatch.StartNew();
        return Task.WhenAll(stations.Select(async (s, i) =>
        {
            var next = interval * i / stations.Count;
            while (next < end)
            {
                var wait = next - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
                await s.PushAsync(1, CancellationToken.None);
                next += interval;
            }
        }));
    }

    private static Process StartCenter(string data, int port, string[] dbArgs, string log)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Fully optimized code from the first call: the measured phases see what a center that has run for hours runs.
        // With tiering, on this loaded 2-core box, the JIT's recompiles took a third of the center's CPU throughout
        // the measurement (perf), and the ingest figures were of the JIT.
        start.Environment["DOTNET_TieredCompilation"] = "0";
        string[] args = [Path.Combine(AppContext.BaseDirectory, "edgestation-center.dll"), "run", "--urls", $"https://127.0.0.1:{port}", "--admin-port", "0", "--data-dir", data, .. dbArgs];
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        var writer = new StreamWriter(log) { AutoFlush = true };
        _ = process.StandardError.BaseStream.CopyToAsync(File.Create(log + ".err"));
        while (process.StandardOutput.ReadLine() is { } line)
        {
            writer.WriteLine(line);
            if (line.Contains("center listening on", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.BaseStream.CopyToAsync(writer.BaseStream);
                return process;
            }
        }
        process.WaitForExit();
        throw new InvalidOperationException($"the center did not start (exit {process.ExitCode}); see {log}");
    }

    private static long Percentile(long[] sorted, int p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 2);

    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 2);

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
