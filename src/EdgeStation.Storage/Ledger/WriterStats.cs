namespace EdgeStation.Storage.Ledger;

/// <summary>
/// Where the ledger writer's time and allocations go, per <see cref="WriterStage"/>, since the store opened: what the
/// benchmarks report beside their floors (issue 19), and /metrics as <c>edgestation_ledger_writer_seconds_total</c>. Written by the writer thread (build, journal, acknowledge, checkpoint) and the applier thread (apply, commit).
/// </summary>
public sealed class WriterStats
{
    private static readonly int Stages = Enum.GetValues<WriterStage>().Length;
    private readonly long[] _ticks = new long[Stages];
    private readonly long[] _bytes = new long[Stages];
    private long _batches;
    private long _entries;

    /// <summary>Batches committed (each one journal fsync and one LiteDB commit).</summary>
    public long Batches => Volatile.Read(ref _batches);

    /// <summary>Entries those batches held.</summary>
    public long Entries => Volatile.Read(ref _entries);

    /// <summary>Time spent in <paramref name="stage"/> by all batches.</summary>
    public TimeSpan Time(WriterStage stage) => TimeSpan.FromTicks(Volatile.Read(ref _ticks[(int)stage]) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Bytes the thread running <paramref name="stage"/> allocated in it.</summary>
    public long AllocatedBytes(WriterStage stage) => Volatile.Read(ref _bytes[(int)stage]);

    internal void Add(WriterStage stage, long stopwatchTicks, long bytes)
    {
        Interlocked.Add(ref _ticks[(int)stage], stopwatchTicks);
        Interlocked.Add(ref _bytes[(int)stage], bytes);
    }

    internal void Committed(int entries)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _entries, entries);
    }

    /// <summary>A mark at the start of a stage, on the thread that runs it (allocations are counted per thread).</summary>
    internal static (long Ticks, long Bytes) Mark() => (System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>Ends the stage begun at <paramref name="mark"/> and returns the mark of the next.</summary>
    internal (long Ticks, long Bytes) Lap(WriterStage stage, (long Ticks, long Bytes) mark)
    {
        var now = Mark();
        Add(stage, now.Ticks - mark.Ticks, now.Bytes - mark.Bytes);
        return now;
    }
}
