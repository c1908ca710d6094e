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
