using System.Globalization;
using BenchmarkDotNet.Running;
using EdgeStation.Benchmarks;

// Benchmark helpers first (not benchmarks):
//   make-data DIR N [--entries]   a data dir with N realistic records (or N ledger entries), for scripts/bench.sh
//   summarize DIR                 the targets table from a bench.sh results dir (artifacts/bench)
//   login-flood URL NAME SECRET OUT [--clients N] [--seconds S]
//                                 a real user's logins while N clients flood /login (bench.sh's login stage)
//   sustained-append DIR OUT [--writers N] [--seconds S]
//                                 N concurrent writers appending for S seconds (bench.sh's sustained stage)
//   center-load DIR OUT [--stations N] [--backlog B] [--steady-seconds S] [--interval S] [--db CONN]
//                                 N simulated stations pushing to a real center (bench.sh's center-load stage)
//   center-seed DIR [--stations N] [--months M] [--db CONN]
//                                 a center data dir with M months of daily closes of N villages (bench.sh's dashboard stage)
// Anything else goes to BenchmarkDotNet; `--quick` (ours) runs a few iterations for a smoke check.
if (args is ["make-data", var dir, var count, .. var rest])
{
    if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
    {
        Console.Error.WriteLine($"make-data: N must be a positive number (got '{count}')");
        return 2;
    }
    var size = rest.Contains("--entries") ? BenchData.Size.Entries(n) : BenchData.Size.Records(n);
    var path = BenchData.EnsureAt(dir, size, Console.Error);
    Console.WriteLine(path);
    return 0;
}
if (args is ["make-data", ..])
{
    Console.Error.WriteLine("usage: make-data DIR N [--entries]");
    return 2;
}
if (args is ["login-flood", var url, var user, var secret, var output, .. var options])
{
    var clients = 16;
    var seconds = 30;
    for (var i = 0; i + 1 < options.Length; i += 2)
    {
        var ok = int.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        if (!ok || options[i] is not ("--clients" or "--seconds") || (options[i] == "--clients" && value > 250))
        {
            Console.Error.WriteLine($"login-flood: bad option {options[i]} {options[i + 1]} (--clients 1–250, --seconds N)");
            return 2;
        }
        (clients, seconds) = options[i] == "--clients" ? (value, seconds) : (clients, value);
    }
    if (options.Length % 2 != 0 || !Uri.TryCreate(url, UriKind.Absolute, out var station))
    {
        Console.Error.WriteLine("usage: login-flood URL NAME SECRET OUT.tsv [--clients N] [--seconds S]");
        return 2;
    }
    return await LoginFlood.RunAsync(station, user, secret, output, clients, seconds);
}
if (args is ["sustained-append", var appendDir, var appendOut, .. var appendOptions])
{
    var writers = 64;
    var seconds = 60;
    for (var i = 0; i + 1 < appendOptions.Length; i += 2)
    {
        var ok = int.TryParse(appendOptions[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        if (!ok || appendOptions[i] is not ("--writers" or "--seconds") || (appendOptions[i] == "--writers" && value > 1024))
        {
            Console.Error.WriteLine($"sustained-append: bad option {appendOptions[i]} {appendOptions[i + 1]} (--writers 1–1024, --seconds N)");
            return 2;
        }
        (writers, seconds) = appendOptions[i] == "--writers" ? (value, seconds) : (writers, value);
    }
    if (appendOptions.Length % 2 != 0)
    {
        Console.Error.WriteLine("usage: sustained-append DIR OUT.tsv [--writers N] [--seconds S]");
        return 2;
    }
    return await SustainedAppend.RunAsync(appendDir, appendOut, writers, seconds);
}
if (args is ["center-load", var loadDir, var loadOut, .. var loadOptions])
{
    var load = new CenterLoadOptions(Stations: 2000, Backlog: 24, SteadySeconds: 60, IntervalSeconds: 30, Database: null);
    for (var i = 0; i < loadOptions.Length; i += 2)
    {
        if (i + 1 >= loadOptions.Length)
        {
            Console.Error.WriteLine($"center-load: {loadOptions[i]} needs a value");
            return 2;
        }
        var (name, text) = (loadOptions[i], loadOptions[i + 1]);
        if (name == "--db")
        {
            load = load with { Database = text };
            continue;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < (name == "--steady-seconds" ? 0 : 1)
            || name is not ("--stations" or "--backlog" or "--steady-seconds" or "--interval") || (name == "--stations" && value > 20_000))
        {
            Console.Error.WriteLine($"center-load: bad option {name} {text} (--stations 1–20000, --backlog N, --steady-seconds S (0: none), --interval S, --db CONN)");
            return 2;
        }
        load = name switch
        {
            "--stations" => load with { Stations = value },
            "--backlog" => load with { Backlog = value },
            "--steady-seconds" => load with { SteadySeconds = value },
            _ => load with { IntervalSeconds = value },
        };
    }
    return await CenterLoad.RunAsync(loadDir, loadOut, load);
}
if (args is ["center-seed", var seedDir, .. var seedOptions])
{
    var (seedStations, seedMonths, seedDb) = (2000, 12, (string?)null);
    for (var i = 0; i < seedOptions.Length; i += 2)
    {
        var value = 0;
        var ok = i + 1 < seedOptions.Length && (seedOptions[i] == "--db"
            || (int.TryParse(seedOptions[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is > 0 and <= 20_000));
        if (!ok || seedOptions[i] is not ("--stations" or "--months" or "--db") || (seedOptions[i] == "--months" && value > 120))
        {
            Console.Error.WriteLine("usage: center-seed DIR [--stations 1–20000] [--months 1–120] [--db CONN]");
            return 2;
        }
        (seedStations, seedMonths, seedDb) = seedOptions[i] switch
        {
            "--stations" => (value, seedMonths, seedDb),
            "--months" => (seedStations, value, seedDb),
            _ => (seedStations, seedMonths, seedOptions[i + 1]),
        };
    }
    return CenterSeed.Run(seedDir, seedStations, seedMonths, seedDb, DateTimeOffset.UtcNow);
}
if (args is ["summarize", var resultsDir])
{
    return SummaryReport.Run(resultsDir, Console.Out);
}

var bdnArgs = args.Where(a => a != "--quick").ToArray();
if (bdnArgs.Length != args.Length)
{
    Environment.SetEnvironmentVariable(BenchSettings.QuickVariable, "1");
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(bdnArgs).ToList();
var failed = summaries.Where(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)).ToList();
foreach (var s in failed)
{
    Console.Error.WriteLine($"benchmark run failed: {s.Title}");
}
return failed.Count == 0 ? 0 : 1;
