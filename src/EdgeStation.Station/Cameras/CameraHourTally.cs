namespace EdgeStation.Station.Cameras;

/// <summary>The counts of one camera's hour while it is being counted (<see cref="CameraHourlyCounts"/> holds the lock).</summary>
internal sealed class CameraHourTally(int lines, int zones)
{
    public HashSet<long> PeopleSeen { get; } = [];

    public int PeakPersons { get; set; }

    public long Frames { get; set; }

    public double WatchedSeconds { get; set; }

    public Dictionary<string, int> Alerts { get; } = new(StringComparer.Ordinal);

    public int[] Forward { get; } = new int[lines];

    public int[] Backward { get; } = new int[lines];

    public int[] ZonePeak { get; } = new int[zones];

    public double[] ZoneOccupiedSeconds { get; } = new double[zones];

    public double[] ZonePersonSeconds { get; } = new double[zones];

    public int[] ZoneEntries { get; } = new int[zones];

    public CameraHour Snapshot() => new(
        PeopleSeen.Count,
        PeakPersons,
        Frames,
        WatchedSeconds,
        new Dictionary<string, int>(Alerts, StringComparer.Ordinal),
        [.. Forward.Select((f, i) => new CameraHourLine(f, Backward[i]))],
        [.. ZonePeak.Select((p, i) => new CameraHourZone(p, ZoneOccupiedSeconds[i], ZonePersonSeconds[i], ZoneEntries[i]))]);
}
