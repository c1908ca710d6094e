using System.Globalization;
using BenchmarkDotNet.Running;
using EdgeStation.Benchmarks;

// Benchmark helpers first (not benchmarks):
//   make-data DIR N [--entries]   a data dir with N realistic records (or N ledger entries), for scripts/bench.sh
//   summarize DIR                 the targets table from a bench.sh results dir (artifacts/bench)
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
