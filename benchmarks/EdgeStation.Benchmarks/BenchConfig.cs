using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Mathematics.OutlierDetection;

namespace EdgeStation.Benchmarks;

/// <summary>Run-wide switches, passed from the host process through the environment.</summary>
public static class BenchSettings
{
    public const string QuickVariable = "EDGESTATION_BENCH_QUICK";

    /// <summary>`--quick`: a handful of iterations, to check that everything runs, not to measure.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>Ledger/records size for the bulk benchmarks (the targets are stated for 100,000).</summary>
    public static int Size =>
        int.TryParse(Environment.GetEnvironmentVariable("EDGESTATION_BENCH_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : 100_000;
}

/// <summary>
/// Every iteration is exactly one invocation (Monitoring strategy, no unrolling), no outlier is removed, so the
/// percentiles are those of single operations, slow ones included: what a caller of the ledger waits.
/// </summary>
public abstract class EdgeStationConfig : ManualConfig
{
    /// <param name="inProcess">Run in the host process (microsecond operations that need no process of their own; spares
    /// the generated project's build, which a busy 2-core machine may not finish in time).</param>
    protected EdgeStationConfig(string id, int warmups, int iterations, int quickIterations, bool inProcess = false)
    {
        var quick = BenchSettings.Quick;
        var job = inProcess ? Job.Default.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance) : Job.Default;
        AddJob(job
            .WithId(quick ? id + "-quick" : id)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? Math.Min(warmups, 3) : warmups)
            .WithIterationCount(quick ? quickIterations : iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove));
        // The child processes inherit EDGESTATION_BENCH_QUICK, _DATA, _SIZE and _TMP from this one.
        AddColumn(StatisticColumn.Min, StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
        AddExporter(new TargetsExporter());
        AddDiagnoser(MemoryDiagnoser.Default);
        HideColumns(Column.Error, Column.StdDev, Column.Median);
        WithOptions(ConfigOptions.DisableLogFile);
        // BenchmarkDotNet builds its generated project with a 2-minute limit: not enough on a busy 2-core box.
        WithBuildTimeout(TimeSpan.FromMinutes(15));
    }
}

/// <summary>Single appends and fsyncs: a few milliseconds each, so many iterations are cheap.</summary>
public sealed class LatencyConfig() : EdgeStationConfig("latency", warmups: 30, iterations: 1000, quickIterations: 30);

/// <summary>The doors' path from the last reader bit to the relay: microseconds, in the host process.</summary>
public sealed class DoorLatencyConfig() : EdgeStationConfig("door", warmups: 30, iterations: 1000, quickIterations: 30, inProcess: true);

/// <summary>64 concurrent appends per iteration.</summary>
public sealed class BurstConfig() : EdgeStationConfig("burst", warmups: 10, iterations: 200, quickIterations: 10);

/// <summary>Whole-ledger and whole-table passes: tens of milliseconds to seconds each.</summary>
public sealed class BulkConfig() : EdgeStationConfig("bulk", warmups: 2, iterations: 15, quickIterations: 3);

/// <summary>BenchmarkDotNet has no P99 column: this one reads the 99th percentile of the measurements.</summary>
public sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"{nameof(PercentileColumn)}.P{percentile}";
    public string ColumnName => $"P{percentile}";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 9;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => $"{percentile}th percentile of single operations";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null)
        {
            return "NA";
        }
        var ns = stats.Percentiles.Percentile(percentile);
        if (style.TimeUnit is not { } unit)
        {
            return Perfolizer.Horology.TimeInterval.FromNanoseconds(ns).ToString();
        }
        var text = (ns / unit.BaseUnits).ToString("N3", style.CultureInfo);
        return style.PrintUnitsInContent ? text + " " + unit.Abbreviation : text;
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>
/// Writes one small JSON file per benchmark (results/edgestation-*.json): the per-operation statistics the
/// summary table compares with the targets. Percentiles come from all measured iterations (none removed).
/// </summary>
public sealed class TargetsExporter : IExporter
{
    public string Name => "edgestation-targets";

    public void ExportToLog(Summary summary, ILogger logger)
    {
    }

    public IEnumerable<string> ExportToFiles(Summary summary, ILogger consoleLogger)
    {
        Directory.CreateDirectory(summary.ResultsDirectoryPath);
        var files = new List<string>();
        foreach (var report in summary.Reports)
        {
            var stats = report.ResultStatistics;
            var name = $"{report.BenchmarkCase.Descriptor.Type.Name}.{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}";
            var path = Path.Combine(summary.ResultsDirectoryPath, $"edgestation-{name}.json");
            using (var stream = File.Create(path))
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("benchmark", name);
                w.WriteString("job", report.BenchmarkCase.Job.Id);
                w.WriteString("measuredAt", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                w.WriteBoolean("ok", stats is not null);
                w.WriteNumber("operationsPerInvoke", report.BenchmarkCase.Descriptor.OperationsPerInvoke);
                if (stats is not null)
                {
                    // Statistics are per operation (BenchmarkDotNet divides by OperationsPerInvoke).
                    w.WriteNumber("n", stats.N);
                    w.WriteNumber("meanNs", stats.Mean);
                    w.WriteNumber("minNs", stats.Min);
                    w.WriteNumber("p50Ns", stats.Percentiles.P50);
                    w.WriteNumber("p95Ns", stats.Percentiles.P95);
                    w.WriteNumber("p99Ns", stats.Percentiles.Percentile(99));
                    w.WriteNumber("maxNs", stats.Max);
                }
                if (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) is { } bytes)
                {
                    w.WriteNumber("allocatedBytesPerOp", bytes);
                }
                w.WriteEndObject();
            }
            files.Add(path);
        }
        return files;
    }
}
