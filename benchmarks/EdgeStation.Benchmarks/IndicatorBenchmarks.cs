using BenchmarkDotNet.Attributes;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Target 3: indicators over 100,000 records ≤ 50 ms. <see cref="IndicatorCalculator.Compute"/> over snapshots
/// already in memory, and end to end as `edgestation indicators` does it (RecordService.Indicators: the station
/// entry, a new calculator, every snapshot streamed from LiteDB). Floor: a loop that reads one field of each
/// snapshot, in memory and streamed from the store.
/// </summary>
[Config(typeof(BulkConfig))]
public class IndicatorBenchmarks
{
    private LedgerStore? _store;
    private List<RecordSnapshot> _snapshots = [];
    private IndicatorCalculator? _calculator;

    [GlobalSetup]
    public void Setup()
    {
        var dataDir = BenchData.Ensure(BenchData.DefaultRoot(), BenchData.Size.Records(BenchSettings.Size), Console.Out);
        _store = LedgerStore.Open(dataDir, readOnly: true);
        _snapshots = _store.Records().ToList();
        if (_snapshots.Count != BenchSettings.Size)
        {
            throw new InvalidOperationException($"{dataDir} holds {_snapshots.Count} records, not {BenchSettings.Size}");
        }
        _calculator = new IndicatorCalculator(BenchData.Settings, HolidayCalendar.Official);
        var mix = _snapshots.GroupBy(s => (s.Type, s.Status)).OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Status, StringComparer.Ordinal)
            .Select(g => $"{RecordTypeNames.Name(g.Key.Type)}/{g.Key.Status} {g.Count()}");
        Console.WriteLine($"// record mix: {string.Join(", ", mix)}");
        var report = _calculator.Compute(_snapshots, BenchData.Today, BenchData.StationStart);
        Console.WriteLine($"// {BenchData.Today:yyyy-MM-dd}: disputes accepted {report.Disputes.Accepted}, petitions received {report.Petitions.Received}, grid events {report.GridEvents.Collected}, safety index {report.SafetyIndex}");
    }

    [GlobalCleanup]
    public void Cleanup() => _store?.Dispose();

    [Benchmark]
    public IndicatorReport ComputeInMemory() => _calculator!.Compute(_snapshots, BenchData.Today, BenchData.StationStart);

    /// <summary>Floor: touch every snapshot and read one field.</summary>
    [Benchmark]
    public int ReadOneFieldInMemory()
    {
        var n = 0;
        foreach (var r in _snapshots)
        {
            n += r.Status.Length;
        }
        return n;
    }

    /// <summary>
    /// Breakdown, not a floor: read each snapshot's ReportedAt and OccurredAt, which RecordSnapshot parses from
    /// their ISO text on every access (Compute reads both for every record).
    /// </summary>
    [Benchmark]
    public long ReadInstantsInMemory()
    {
        long ticks = 0;
        foreach (var r in _snapshots)
        {
            ticks ^= r.ReportedAt.UtcTicks ^ r.OccurredAt.UtcTicks;
        }
        return ticks;
    }

    /// <summary>What `edgestation indicators` does per call (RecordService.Indicators), on a warm store.</summary>
    [Benchmark]
    public IndicatorReport ComputeFromStore()
    {
        var store = _store!;
        var start = store.Station()?.StartDate ?? BenchData.Today;
        var calculator = new IndicatorCalculator(BenchData.Settings, HolidayCalendar.Official);
        return calculator.Compute(store.Records(), BenchData.Today, start);
    }

    /// <summary>Floor: stream every snapshot from the store and read one field.</summary>
    [Benchmark]
    public int ReadOneFieldFromStore()
    {
        var n = 0;
        foreach (var r in _store!.Records())
        {
            n += r.Status.Length;
        }
        return n;
    }
}
