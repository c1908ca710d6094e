using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EdgeStation.Benchmarks;

/// <summary>
/// `summarize DIR`: reads what scripts/bench.sh left in DIR (BenchmarkDotNet's per-benchmark JSON from
/// <see cref="TargetsExporter"/>, hyperfine's JSON, the RSS and size figures) and prints the table of targets,
/// results, floors, ratios and pass/fail. Every figure comes from those files; a missing one shows as "n/a".
/// </summary>
public static class SummaryReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string dir, TextWriter output)
    {
        if (!Directory.Exists(dir))
        {
            Console.Error.WriteLine($"summarize: no such directory {dir}");
            return 2;
        }
        var bdn = LoadBenchmarks(dir);
        var metrics = LoadMetrics(Path.Combine(dir, "process", "metrics.tsv"));
        var start = LoadHyperfine(Path.Combine(dir, "process", "start.json"));
        var list = LoadHyperfine(Path.Combine(dir, "process", "list.json"));

        var rows = new List<string[]>();
        var quick = bdn.Values.Any(b => b.Job.EndsWith("-quick", StringComparison.Ordinal));
        var size = metrics.GetValueOrDefault("size", "100000");
        var sizeText = long.TryParse(size, NumberStyles.None, Inv, out var sizeN) ? sizeN.ToString("N0", Inv) : size;

        // 1. Durable append.
        var append = bdn.GetValueOrDefault("AppendBenchmarks.DurableAppend");
        var bare = bdn.GetValueOrDefault("AppendBenchmarks.LiteDbInsertCommit");
        var fsync = bdn.GetValueOrDefault("AppendBenchmarks.RawWriteFsync");
        foreach (var (label, pick, target) in new (string, Func<Bench, double>, double?)[]
        {
            ("p50", b => b.P50, 2e6),
            ("p95", b => b.P95, null),
            ("p99", b => b.P99, 10e6),
        })
        {
            rows.Add(Row($"durable append {label} (dispute create, new store)", target is { } t ? "≤ " + Time(t, trim: true) : "—",
                append, pick, [("LiteDB insert+commit", bare), ("200 B write+fsync", fsync)], target));
        }
        // Issue 19's targets are ratios to the floors of the same run: the disk decides, not this machine's load.
        rows.Add(RatioRow("durable append p50 ≤ 3× the 200 B write+fsync p50 (issue 19)", append, fsync, b => b.P50, 3));
        rows.Add(RatioRow("durable append p99 ≤ 1× the LiteDB insert+commit p99 (issue 19)", append, bare, b => b.P99, 1));
        // Where the rest goes: the journal's own floor (a write over zeros written ahead), and what LiteDB costs for the
        // documents one append stores.
        var preallocated = bdn.GetValueOrDefault("AppendBenchmarks.PreallocatedWriteFsync");
        var projection = bdn.GetValueOrDefault("AppendBenchmarks.LiteDbProjectionCommit");
        foreach (var (label, pick) in new (string, Func<Bench, double>)[] { ("p50", b => b.P50), ("p99", b => b.P99) })
        {
            rows.Add(Row($"  durable append {label} beside the journal's floor and the documents it stores", "—", append, pick,
                [("200 B over zeros written ahead + fsync", preallocated), ("its documents in bare LiteDB, one commit", projection)], null));
        }
        foreach (var (label, floor, floorName) in new[] { ("", bare, "LiteDB insert+commit"), (", beside the documents it stores", projection, "its documents in bare LiteDB, one commit") })
        {
            rows.Add(
            [
                "  allocated per durable append" + label,
                "—",
                append?.AllocatedPerOp is { } allocated ? Kib(allocated) : "n/a",
                floor?.AllocatedPerOp is { } floorAllocated ? $"{floorName} {Kib(floorAllocated)}" : "n/a",
                append?.AllocatedPerOp is { } appendBytes && floor?.AllocatedPerOp is { } floorBytes && floorBytes > 0 ? Ratio(appendBytes / floorBytes) : "n/a",
                "info",
            ]);
        }
        var appendFull = bdn.GetValueOrDefault("AppendOnFullStoreBenchmarks.DurableAppendOnFullStore");
        foreach (var (label, pick, target) in new (string, Func<Bench, double>, double?)[]
        {
            ("p50", b => b.P50, 2e6),
            ("p99", b => b.P99, 10e6),
        })
        {
            rows.Add(Row($"durable append {label}, store already holding {sizeText} records", target is { } t ? "≤ " + Time(t, trim: true) : "—",
                appendFull, pick, [("LiteDB insert+commit", bare), ("200 B write+fsync", fsync)], target));
        }
        var burst = bdn.GetValueOrDefault("GroupCommitBenchmarks.ConcurrentAppends64");
        var burstFloor = bdn.GetValueOrDefault("GroupCommitBenchmarks.LiteDbInsert64OneCommit");
        rows.Add(Row("group commit: 64 concurrent AppendAsync, mean per append", "—", burst, b => b.Mean,
            [("64 LiteDB inserts, one commit, per insert", burstFloor)], null,
            extra: burst is { } g ? $" ({(1e9 / g.Mean).ToString("N0", Inv)} appends/s)" : ""));

        // 2. Verify.
        rows.Add(Row($"verify {sizeText} entries (median)", "≤ 1 s", bdn.GetValueOrDefault("VerifyBenchmarks.Verify"), b => b.P50,
            [("enumerate Entries()", bdn.GetValueOrDefault("VerifyBenchmarks.EnumerateEntries")), ("bare LiteDB FindAll", bdn.GetValueOrDefault("VerifyBenchmarks.BareFindAll"))], 1e9));

        rows.Add(Row("  breakdown: verify's hash checks alone, without the canonical-form check", "—", bdn.GetValueOrDefault("VerifyBenchmarks.HashChainOnly"), b => b.P50,
            [("enumerate Entries()", bdn.GetValueOrDefault("VerifyBenchmarks.EnumerateEntries"))], null));

        // The stored state proven on every open (issue 14).
        rows.Add(Row($"open a store of {sizeText} records, its stored state proven by the digest (median)", "—", bdn.GetValueOrDefault("OpenBenchmarks.OpenProven"), b => b.P50,
            [("bare LiteDB FindAll of the records", bdn.GetValueOrDefault("OpenBenchmarks.BareFindAllRecords"))], null));

        // 3. Indicators.
        rows.Add(Row($"indicators over {sizeText} records in memory (median)", "≤ 50 ms", bdn.GetValueOrDefault("IndicatorBenchmarks.ComputeInMemory"), b => b.P50,
            [("read one field of each", bdn.GetValueOrDefault("IndicatorBenchmarks.ReadOneFieldInMemory"))], 50e6));
        rows.Add(Row("  breakdown: parse ReportedAt + OccurredAt of each snapshot", "—", bdn.GetValueOrDefault("IndicatorBenchmarks.ReadInstantsInMemory"), b => b.P50,
            [("read one field of each", bdn.GetValueOrDefault("IndicatorBenchmarks.ReadOneFieldInMemory"))], null));
        rows.Add(Row($"indicators over {sizeText} records, loaded from LiteDB (median)", "≤ 50 ms", bdn.GetValueOrDefault("IndicatorBenchmarks.ComputeFromStore"), b => b.P50,
            [("stream Records(), read one field", bdn.GetValueOrDefault("IndicatorBenchmarks.ReadOneFieldFromStore"))], 50e6));

        // 4. Process level.
        var startEs = start.GetValueOrDefault("edgestation");
        var startHello = start.GetValueOrDefault("hello");
        rows.Add(Row("AOT `edgestation version` start (hyperfine median)", "≤ 30 ms", startEs, startHello, "hello-world AOT", 30e6));
        var rss = Number(metrics, "rss_list_kb");
        var rssHello = Number(metrics, "rss_hello_kb");
        rows.Add(
        [
            $"peak RSS of `records list` over {sizeText} records",
            "≤ 60 MB",
            rss is { } r ? Mib(r * 1024) : "n/a",
            rssHello is { } h ? $"hello-world AOT {Mib(h * 1024)}" : "n/a",
            rss is { } r2 && rssHello is { } h2 && h2 > 0 ? Ratio(r2 / h2) : "n/a",
            rss is { } r3 ? Verdict(r3 * 1024 <= 60 * 1024 * 1024) : "n/a",
        ]);
        var listEs = list.GetValueOrDefault("edgestation");
        if (listEs is not null)
        {
            rows.Add(Row($"`records list` over {sizeText} records, wall time (hyperfine median)", "—", listEs, null, "", null));
        }

        // 5. Sizes.
        var helloSize = Number(metrics, "size_hello_bytes");
        foreach (var (key, label) in new[] { ("size_linux_x64_bytes", "binary size linux-x64"), ("size_linux_arm64_bytes", "binary size linux-arm64") })
        {
            var bytes = Number(metrics, key);
            rows.Add(
            [
                label,
                "—",
                bytes is { } b ? Mib(b) : "not built",
                helloSize is { } hs ? $"hello-world AOT (x64) {Mib(hs)}" : "n/a",
                bytes is { } b2 && helloSize is { } hs2 && hs2 > 0 ? Ratio(b2 / hs2) : "n/a",
                "info",
            ]);
        }

        // 6. The service (scripts/bench.sh's service stage).
        rows.AddRange(ServiceRows(LoadMetrics(Path.Combine(dir, "service", "metrics.tsv"))));
        rows.AddRange(LoginFloodRows(LoadMetrics(Path.Combine(dir, "login", "metrics.tsv"))));
        rows.AddRange(SustainedRows(LoadMetrics(Path.Combine(dir, "sustained", "metrics.tsv"))));

        var sb = new StringBuilder();
        if (quick)
        {
            sb.AppendLine("**--quick run: a smoke check with a handful of iterations; these are not measurements.**").AppendLine();
        }
        sb.AppendLine("| measure | target | result | floor (same run) | ratio to floor | pass/fail |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            sb.AppendLine("| " + string.Join(" | ", row) + " |");
        }
        var text = sb.ToString();
        output.Write(text);
        File.WriteAllText(Path.Combine(dir, "summary.md"), text);
        return 0;
    }

    private sealed record Bench(string Job, double Mean, double P50, double P95, double P99, double? AllocatedPerOp);

    private static string[] Row(string measure, string target, Bench? result, Func<Bench, double> pick, (string Name, Bench? Bench)[] floors, double? targetNs, string extra = "")
    {
        var value = result is null ? (double?)null : pick(result);
        var floorTexts = floors.Select(f => f.Bench is { } b ? $"{f.Name} {Time(pick(b))}" : $"{f.Name} n/a");
        var ratios = floors.Select(f => value is { } v && f.Bench is { } b && pick(b) > 0 ? Ratio(v / pick(b)) : "n/a");
        return
        [
            measure,
            target,
            value is { } x ? Time(x) + extra : "n/a",
            string.Join("; ", floorTexts),
            string.Join("; ", ratios),
            value is null ? "n/a" : targetNs is { } t ? Verdict(value <= t) : "info",
        ];
    }

    private static string[] Row(string measure, string target, HyperfineResult? result, HyperfineResult? floor, string floorName, double? targetNs) =>
    [
        measure,
        target,
        result is { } r ? Time(r.MedianNs) : "n/a",
        floor is { } f ? $"{floorName} {Time(f.MedianNs)}" : (floorName.Length == 0 ? "—" : "n/a"),
        result is { } r2 && floor is { } f2 && f2.MedianNs > 0 ? Ratio(r2.MedianNs / f2.MedianNs) : (floorName.Length == 0 ? "—" : "n/a"),
        result is null ? "n/a" : targetNs is { } t ? Verdict(result.MedianNs <= t) : "info",
    ];

    /// <summary>
    /// The service stage: kiosk pages under wrk -t2 -c20 beside /healthz/live, start to ready beside the hello
    /// world's exec-to-exit, idle RSS beside the hello world's peak RSS. Nothing when the stage did not run.
    /// </summary>
    private static List<string[]> ServiceRows(Dictionary<string, string> m)
    {
        var rows = new List<string[]>();
        if (m.Count == 0)
        {
            return rows;
        }
        var size = long.TryParse(m.GetValueOrDefault("size", "100000"), NumberStyles.None, Inv, out var n) ? n.ToString("N0", Inv) : "?";
        double? Us(string key) => Number(m, key) is { } us ? us * 1e3 : null; // → ns
        string Floor(string name, double? ns) => ns is { } f ? $"{name} {Time(f)}" : $"{name} n/a";
        string RatioOf(double? v, double? f) => v is { } a && f is { } b && b > 0 ? Ratio(a / b) : "n/a";
        string Pass(double? v, double? target) => v is null ? "n/a" : target is { } t ? Verdict(v <= t) : "info";

        foreach (var (key, label, target) in new (string, string, double?)[]
        {
            ("home", "`GET /` home page (indicators + due list)", 50e6),
            ("list", "`GET /records/dispute` record list (200 per page)", 80e6),
        })
        {
            foreach (var (p, pTarget) in new (string, double?)[] { ("p50", null), ("p95", target), ("p99", null) })
            {
                var v = Us($"wrk_{key}_{p}_us");
                var f = Us($"wrk_live_{p}_us");
                rows.Add(
                [
                    $"{label} {p}, {size} records, wrk -t2 -c20",
                    pTarget is { } t ? "≤ " + Time(t, trim: true) : "—",
                    v is { } x ? Time(x) : "n/a",
                    Floor("`/healthz/live`", f),
                    RatioOf(v, f),
                    Pass(v, pTarget),
                ]);
            }
            var requests = Number(m, $"wrk_{key}_requests");
            var seconds = Number(m, $"wrk_{key}_duration_us") / 1e6;
            var liveRequests = Number(m, "wrk_live_requests");
            var liveSeconds = Number(m, "wrk_live_duration_us") / 1e6;
            var errors = Number(m, $"wrk_{key}_errors");
            rows.Add(
            [
                $"  {label}: requests/s (errors)",
                "—",
                requests is { } r && seconds is > 0 ? $"{(r / seconds.Value).ToString("N0", Inv)}/s ({(errors ?? 0).ToString("0", Inv)} errors)" : "n/a",
                liveRequests is { } lr && liveSeconds is > 0 ? $"`/healthz/live` {(lr / liveSeconds.Value).ToString("N0", Inv)}/s" : "n/a",
                requests is { } r2 && seconds is > 0 && liveRequests is { } lr2 && liveSeconds is > 0 && r2 > 0
                    ? Ratio((lr2 / liveSeconds.Value) / (r2 / seconds.Value)) + " slower"
                    : "n/a",
                "info",
            ]);
        }

        var ready = Us("ready_us");
        var helloExec = Us("hello_exec_us");
        rows.Add(
        [
            $"`edgestation run` start to ready (exec → `/healthz` 200, median of {m.GetValueOrDefault("ready_us_runs", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length})",
            "≤ 300 ms",
            ready is { } rd ? Time(rd) : "n/a",
            Floor("hello-world AOT exec → exit", helloExec),
            RatioOf(ready, helloExec),
            Pass(ready, 300e6),
        ]);
        var helloRss = Number(m, "hello_rss_kb");
        foreach (var (key, label, target) in new (string, string, double?)[]
        {
            ("rss_ready_kb", "service idle RSS, 2 s after ready", 80e6),
            ("rss_after_load_kb", "service idle RSS, 5 s after the load (summaries in memory)", 80e6),
            ("rss_after_rebuild_kb", "  RSS after the first start's summary rebuild (read every record from LiteDB)", null),
        })
        {
            var kb = Number(m, key);
            rows.Add(
            [
                label,
                target is null ? "—" : "≤ 80 MB (76.3 MiB)",
                kb is { } k ? Mib(k * 1024) : "n/a",
                helloRss is { } h ? $"hello-world AOT peak {Mib(h * 1024)}" : "n/a",
                kb is { } k2 && helloRss is { } h2 && h2 > 0 ? Ratio(k2 / h2) : "n/a",
                kb is { } k3 ? target is { } t ? Verdict(k3 * 1024 <= t) : "info" : "n/a",
            ]);
        }
        foreach (var (key, label) in new[]
        {
            ("first_home_s", "  first `GET /` after a start (summaries loaded from records.summary)"),
            ("first_home_rebuilt_s", "  first `GET /` after the first start (summaries rebuilt from the ledger)"),
        })
        {
            rows.Add([label, "—", Number(m, key) is { } sec ? Time(sec * 1e9) : "n/a", "—", "—", "info"]);
        }
        return rows;
    }

    /// <summary>
    /// The "login under flood" stage (issue 15): the real user's login p50/p95 while 16 network clients post random
    /// names, beside the same login unloaded. Nothing when the stage did not run.
    /// </summary>
    private static string[] RatioRow(string measure, Bench? result, Bench? floor, Func<Bench, double> pick, double maxRatio) =>
    [
        measure,
        $"≤ {maxRatio.ToString("0.#", Inv)}× floor",
        result is { } r ? Time(pick(r)) : "n/a",
        floor is { } f ? Time(pick(f)) : "n/a",
        result is { } r2 && floor is { } f2 && pick(f2) > 0 ? Ratio(pick(r2) / pick(f2)) : "n/a",
        result is { } r3 && floor is { } f3 && pick(f3) > 0 ? Verdict(pick(r3) / pick(f3) <= maxRatio) : "n/a",
    ];

    private static string Kib(double bytes) => (bytes / 1024).ToString("N1", Inv) + " KiB";

    private static List<string[]> SustainedRows(Dictionary<string, string> m)
    {
        var rows = new List<string[]>();
        if (Number(m, "sustained_appends_per_s") is not { } rate)
        {
            return rows;
        }
        var floor = Number(m, "sustained_floor_inserts_per_s");
        var seconds = m.GetValueOrDefault("sustained_seconds", "?");
        var writers = m.GetValueOrDefault("sustained_writers", "64");
        var batch = Number(m, "sustained_entries_per_batch");
        rows.Add(
        [
            $"{writers} concurrent writers for {seconds} s: acknowledged appends/s (issue 19)",
            "≥ 5,000/s",
            rate.ToString("N0", Inv) + "/s" + (batch is { } b ? $" ({b.ToString("0.#", Inv)} per batch)" : ""),
            floor is { } f ? $"bare LiteDB inserts, {m.GetValueOrDefault("sustained_floor_batch", "?")} per transaction: {f.ToString("N0", Inv)}/s" : "n/a",
            floor is > 0 ? Ratio(rate / floor!.Value) : "n/a",
            Verdict(rate >= 5000),
        ]);
        foreach (var stage in new[] { "build", "journal", "acknowledge", "apply", "commit", "checkpoint" })
        {
            if (Number(m, $"sustained_stage_{stage}_us_per_entry") is { } us)
            {
                var share = Number(m, $"sustained_stage_{stage}_share") ?? 0;
                var bytes = Number(m, $"sustained_stage_{stage}_bytes_per_entry") ?? 0;
                rows.Add(
                [
                    $"  where the writer's time goes: {stage}",
                    "—",
                    $"{us.ToString("0.#", Inv)} µs per entry ({(share * 100).ToString("0", Inv)} % of the run), {Kib(bytes)} allocated per entry",
                    "—",
                    "—",
                    "info",
                ]);
            }
        }
        return rows;
    }

    private static List<string[]> LoginFloodRows(Dictionary<string, string> m)
    {
        var rows = new List<string[]>();
        if (!m.ContainsKey("login_real_p95_us"))
        {
            return rows;
        }
        double? Us(string key) => Number(m, key) is { } us ? us * 1e3 : null; // → ns
        var floor = Us("login_floor_p50_us");
        var clients = m.GetValueOrDefault("login_clients", "16");
        var count = Number(m, "login_real_count") ?? 0;
        var ok = Number(m, "login_real_ok") ?? 0;
        foreach (var (p, target) in new (string, double?)[] { ("p50", null), ("p95", 1e9), ("max", null) })
        {
            var v = Us($"login_real_{p}_us");
            rows.Add(
            [
                $"login of a real user while {clients} clients flood `/login` with random names, {p} ({ok.ToString("0", Inv)} of {count.ToString("0", Inv)} let in)",
                target is { } t ? "≤ " + Time(t, trim: true) : "—",
                v is { } x ? Time(x) : "n/a",
                floor is { } f ? $"the same login unloaded (median of {m.GetValueOrDefault("login_floor_runs", "?")}) {Time(f)}" : "n/a",
                v is { } a && floor is { } b && b > 0 ? Ratio(a / b) : "n/a",
                v is null ? "n/a" : target is { } t2 ? Verdict(v <= t2 && ok == count) : "info",
            ]);
        }
        var seconds = Number(m, "login_flood_seconds");
        var total = Number(m, "login_flood_requests");
        rows.Add(
        [
            "  the flood: requests answered (401 checked / 429 refused unheard / other)",
            "—",
            total is { } n && seconds is > 0
                ? $"{n.ToString("0", Inv)} in {seconds.Value.ToString("0", Inv)} s ({m.GetValueOrDefault("login_flood_401")} / {m.GetValueOrDefault("login_flood_429")} / {m.GetValueOrDefault("login_flood_other")})"
                : "n/a",
            "—",
            "—",
            "info",
        ]);
        return rows;
    }

    private static string Verdict(bool pass) => pass ? "pass" : "**FAIL**";

    private static string Ratio(double r) => r.ToString(r >= 10 ? "0" : "0.0", Inv) + "×";

    private static string Mib(double bytes) => (bytes / 1048576).ToString("0.0", Inv) + " MiB";

    private static string Time(double ns, bool trim = false) => ns switch
    {
        >= 1e9 => (ns / 1e9).ToString(trim ? "0.##" : "0.00", Inv) + " s",
        >= 1e6 => (ns / 1e6).ToString(trim ? "0.##" : ns >= 1e8 ? "0" : "0.00", Inv) + " ms",
        >= 1e3 => (ns / 1e3).ToString(trim ? "0.##" : "0.0", Inv) + " µs",
        _ => ns.ToString("0", Inv) + " ns",
    };

    private static Dictionary<string, Bench> LoadBenchmarks(string dir)
    {
        var found = new Dictionary<string, Bench>(StringComparer.Ordinal);
        var results = Path.Combine(dir, "bdn", "results");
        if (!Directory.Exists(results))
        {
            return found;
        }
        foreach (var file in Directory.EnumerateFiles(results, "edgestation-*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var r = doc.RootElement;
            if (!r.GetProperty("ok").GetBoolean())
            {
                continue;
            }
            found[r.GetProperty("benchmark").GetString()!] = new Bench(
                r.GetProperty("job").GetString() ?? "",
                r.GetProperty("meanNs").GetDouble(),
                r.GetProperty("p50Ns").GetDouble(),
                r.GetProperty("p95Ns").GetDouble(),
                r.GetProperty("p99Ns").GetDouble(),
                r.TryGetProperty("allocatedBytesPerOp", out var a) ? a.GetDouble() : null);
        }
        return found;
    }

    private sealed record HyperfineResult(double MedianNs);

    /// <summary>hyperfine --export-json; commands are named with -n (edgestation, hello).</summary>
    private static Dictionary<string, HyperfineResult> LoadHyperfine(string path)
    {
        var found = new Dictionary<string, HyperfineResult>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return found;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var r in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            found[r.GetProperty("command").GetString()!] = new HyperfineResult(r.GetProperty("median").GetDouble() * 1e9);
        }
        return found;
    }

    private static Dictionary<string, string> LoadMetrics(string path)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return found;
        }
        foreach (var line in File.ReadLines(path))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                found[line[..tab]] = line[(tab + 1)..].Trim();
            }
        }
        return found;
    }

    private static double? Number(Dictionary<string, string> metrics, string key) =>
        metrics.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, Inv, out var v) ? v : null;
}
