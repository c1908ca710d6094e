using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeStation.Benchmarks;

/// <summary>
/// `login-flood URL NAME SECRET OUT.tsv [--clients N] [--seconds S]`: scripts/bench.sh's "login under flood" stage
/// (issue 15, item 4). Against a running `edgestation run`:
/// <list type="number">
/// <item>the floor: the real user's login, unloaded, 9 times in a row;</item>
/// <item>then N clients (default 16), each from its own address (127.0.0.2 …, so the station sees N network
/// clients, not the local console), post random names and secrets to /login as fast as they get answers;</item>
/// <item>after 3 s of flood, the real user logs in once a second for S seconds (default 30), each time from a fresh
/// address (a person at a device of their own, never throttled for the flood's sake).</item>
/// </list>
/// Writes p50/p95/max of the real user's logins under flood and unloaded, how many were refused, and what the
/// flood got, as key&lt;TAB&gt;value lines.
/// </summary>
public static class LoginFlood
{
    private const int FloorRuns = 9;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(Uri station, string name, string secret, string output, int clients, int seconds)
    {
        var body = $"{{\"name\":\"{name}\",\"secret\":\"{secret}\"}}";
        var nextHost = 0x000300; // 127.0.3.0 onwards: the real user's devices
        var floor = new List<double>();
        for (var i = 0; i < FloorRuns; i++)
        {
            var (status, ms) = await TimedLoginAsync(station, NextAddress(ref nextHost), body);
            if (status != HttpStatusCode.OK)
            {
                Console.Error.WriteLine($"login-flood: the unloaded login answered {(int)status}: is {name} an account with that secret?");
                return 1;
            }
            floor.Add(ms);
        }
        Console.Error.WriteLine($"login-flood: unloaded login p50 {Percentile(floor, 50):0} ms ({string.Join(' ', floor.Select(f => f.ToString("0", CultureInfo.InvariantCulture)))})");

        using var stop = new CancellationTokenSource();
        var flood = new FloodCounts();
        var flooders = Enumerable.Range(0, clients).Select(i => FloodAsync(station, new IPAddress([127, 0, 0, (byte)(2 + i)]), flood, stop.Token)).ToList();
        await Task.Delay(Warmup);

        var real = new List<(HttpStatusCode Status, double Ms)>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < seconds; i++)
        {
            var due = TimeSpan.FromSeconds(i) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
            real.Add(await TimedLoginAsync(station, NextAddress(ref nextHost), body));
            Console.Error.WriteLine($"login-flood: {DateTime.UtcNow:HH:mm:ss.fff} real login {i + 1}: {real[^1].Ms:0} ms, {(int)real[^1].Status}");
        }
        await stop.CancelAsync();
        await Task.WhenAll(flooders);

        var ok = real.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Ms).ToList();
        var all = real.Select(r => r.Ms).ToList();
        var lines = new Dictionary<string, double>
        {
            ["clients"] = clients,
            ["floor_runs"] = floor.Count,
            ["floor_p50_us"] = Percentile(floor, 50) * 1e3,
            ["floor_max_us"] = floor.Max() * 1e3,
            ["real_count"] = real.Count,
            ["real_ok"] = ok.Count,
            ["real_p50_us"] = Percentile(all, 50) * 1e3,
            ["real_p95_us"] = Percentile(all, 95) * 1e3,
            ["real_max_us"] = all.Max() * 1e3,
            ["flood_requests"] = flood.Total,
            ["flood_401"] = flood.Unauthorized,
            ["flood_429"] = flood.TooMany,
            ["flood_other"] = flood.Other,
            ["flood_seconds"] = (Warmup + clock.Elapsed).TotalSeconds,
        };
        await File.WriteAllLinesAsync(output, lines.Select(kv => kv.Key + "\t" + kv.Value.ToString("0.###", CultureInfo.InvariantCulture)));
        foreach (var (key, value) in lines)
        {
            Console.Error.WriteLine($"  {key}\t{value.ToString("0.###", CultureInfo.InvariantCulture)}");
        }
        return ok.Count == real.Count ? 0 : 1;
    }

    private static IPAddress NextAddress(ref int host)
    {
        host++;
        return new IPAddress([127, (byte)(host >> 16), (byte)(host >> 8), (byte)host]);
    }

    /// <summary>One login on a fresh connection from <paramref name="from"/>: status and wall milliseconds.</summary>
    private static async Task<(HttpStatusCode Status, double Ms)> TimedLoginAsync(Uri station, IPAddress from, string body)
    {
        using var client = Client(from);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(new Uri(station, "/login"), new StringContent(body, Encoding.UTF8, "application/json"));
        await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task FloodAsync(Uri station, IPAddress from, FloodCounts counts, CancellationToken stop)
    {
        using var client = Client(from);
        var login = new Uri(station, "/login");
        while (!stop.IsCancellationRequested)
        {
            var body = $"{{\"name\":\"u{Guid.NewGuid():N}\",\"secret\":\"{Guid.NewGuid():N}\"}}";
            try
            {
                using var response = await client.PostAsync(login, new StringContent(body, Encoding.UTF8, "application/json"), stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                counts.Count(response.StatusCode);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                counts.Count(0);
            }
        }
    }

    /// <summary>An HttpClient whose connections leave from <paramref name="from"/> (any of 127.0.0.0/8 on Linux).</summary>
    private static HttpClient Client(IPAddress from) => new(new SocketsHttpHandler
    {
        UseCookies = false,
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
