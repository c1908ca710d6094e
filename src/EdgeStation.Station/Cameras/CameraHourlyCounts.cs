namespace EdgeStation.Station.Cameras;

/// <summary>
/// One camera's counts by UTC hour (时段统计) for the township summary: people seen, the most present at once, line
/// crossings each way, zone occupancy, alerts by kind, and how much of the hour was watched. Fed by the camera's
/// <see cref="CameraRunner"/> frame by frame, read by the sync producer once the hour has ended. Kept in memory for
/// <see cref="HoursKept"/> hours: an hour the station was off has nothing to count (like the hourly summary, it is not
/// made up). Track ids stay inside: only how many leave.
/// </summary>
public sealed class CameraHourlyCounts(int lines, int zones)
{
    /// <summary>A longer wait between two frames is not watched time (the stream stalled or the camera restarted).</summary>
    public static readonly TimeSpan MaxFrameGap = TimeSpan.FromSeconds(2);

    public const int HoursKept = 48;

    private readonly Lock gate = new();
    private readonly SortedDictionary<long, CameraHourTally> hours = new();
    private DateTimeOffset? lastFrame;
    private long run;

    /// <summary>The start of the UTC hour <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>A new pipeline starts: its track ids start again, and the time since the last frame was not watched.</summary>
    public void Restarted()
    {
        lock (gate)
        {
            run++;
            lastFrame = null;
        }
    }

    /// <summary>One analysed frame: the ids of the people present in it, and the people in each zone.</summary>
    public void Frame(DateTimeOffset at, IReadOnlyCollection<int> presentPeople, IReadOnlyList<int> zoneOccupancy)
    {
        ArgumentNullException.ThrowIfNull(presentPeople);
        ArgumentNullException.ThrowIfNull(zoneOccupancy);
        lock (gate)
        {
            var h = Tally(at);
            var gap = lastFrame is { } last && at > last ? at - last : TimeSpan.Zero;
            var seconds = gap <= MaxFrameGap ? gap.TotalSeconds : 0;
            lastFrame = at;
            h.Frames++;
            h.WatchedSeconds += seconds;
            h.PeakPersons = Math.Max(h.PeakPersons, presentPeople.Count);
            foreach (var id in presentPeople)
            {
                h.PeopleSeen.Add((run << 32) | (uint)id);
            }

            for (var z = 0; z < zoneOccupancy.Count && z < zones; z++)
            {
                var people = zoneOccupancy[z];
                h.ZonePeak[z] = Math.Max(h.ZonePeak[z], people);
                h.ZoneOccupiedSeconds[z] += people > 0 ? seconds : 0;
                h.ZonePersonSeconds[z] += people * seconds;
            }
        }
    }

    /// <summary>Someone crossed the camera's <paramref name="line"/>-th line (from 0).</summary>
    public void Crossed(DateTimeOffset at, int line, bool forward)
    {
        lock (gate)
        {
            if (line >= 0 && line < lines)
            {
                (forward ? Tally(at).Forward : Tally(at).Backward)[line]++;
            }
        }
    }

    /// <summary>A visit began in the camera's <paramref name="zone"/>-th zone (from 0).</summary>
    public void Entered(DateTimeOffset at, int zone)
    {
        lock (gate)
        {
            if (zone >= 0 && zone < zones)
            {
                Tally(at).ZoneEntries[zone]++;
            }
        }
    }

    /// <summary>An alert was raised (kept or not: the count is of what happened), by its kind's name.</summary>
    public void Alert(DateTimeOffset at, string kind)
    {
        lock (gate)
        {
            var alerts = Tally(at).Alerts;
            alerts[kind] = alerts.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>The counts of the hour starting at <paramref name="hourStart"/>; all zero when nothing was counted in it.</summary>
    public CameraHour Hour(DateTimeOffset hourStart)
    {
        lock (gate)
        {
            return (hours.GetValueOrDefault(HourOf(hourStart).UtcTicks) ?? new CameraHourTally(lines, zones)).Snapshot();
        }
    }

    private CameraHourTally Tally(DateTimeOffset at)
    {
        var key = HourOf(at).UtcTicks;
        if (!hours.TryGetValue(key, out var h))
        {
            h = new CameraHourTally(lines, zones);
            hours[key] = h;
            var oldest = key - (HoursKept * TimeSpan.TicksPerHour);
            foreach (var old in hours.Keys.Where(k => k < oldest).ToList())
            {
                hours.Remove(old);
            }
        }

        return h;
    }
}
