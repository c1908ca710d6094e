using EdgeStation.Domain.Calendar;
using EdgeStation.Vision.Tracking;

namespace EdgeStation.Vision.Zones;

/// <summary>
/// Follows the people present (<see cref="Track.IsPresent"/>: a stationary object such as a signpost is never in a zone)
/// in one camera's zones: a visit starts when a person's foot point is inside, ends after <see cref="CameraZone.ExitGrace"/>
/// outside (or when the track ends), and raises a loiter event once its length reaches the zone's dwell while the zone is
/// armed. Something that appeared in place (it did not walk in) enters a zone only once it has been watched for
/// <c>settle</c> without becoming stationary, so a signpost the detector takes for a person raises nothing when a camera
/// starts. Whether a zone is armed is read from its schedule at the frame's station-local time, with the holiday calendar.
/// </summary>
public sealed class ZoneWatcher
{
    private readonly CameraZone[] zones;
    private readonly Dictionary<int, ZoneVisit>[] visits;
    private readonly List<int> ended = [];
    private readonly StationTime stationTime;
    private readonly HolidayCalendar calendar;
    private readonly string label;
    private readonly TimeSpan settle;

    public ZoneWatcher(IReadOnlyList<CameraZone> zones, StationTime stationTime, HolidayCalendar calendar, string personLabel = "person", TimeSpan? settle = null)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var z in zones)
        {
            if (!names.Add(z.Name))
            {
                throw new ArgumentException($"two zones are named '{z.Name}'", nameof(zones));
            }
        }

        this.zones = [.. zones];
        visits = [.. zones.Select(_ => new Dictionary<int, ZoneVisit>())];
        this.stationTime = stationTime;
        this.calendar = calendar;
        label = personLabel;
        this.settle = settle ?? new TrackerOptions().StationaryAfter;
    }

    public IReadOnlyList<CameraZone> Zones => zones;

    /// <summary>People in the zone now (visits not yet ended), by zone name.</summary>
    public int Occupancy(string name) => visits[Array.FindIndex(zones, z => z.Name == name)].Count;

    public bool IsArmed(CameraZone z, DateTimeOffset at) => z.Armed.IsOpen(at, stationTime, calendar);

    /// <summary>The events of one frame. <paramref name="at"/> is the frame's wall-clock time (for the schedules).</summary>
    public IReadOnlyList<ZoneEvent> Update(IReadOnlyList<Track> tracks, long frame, TimeSpan time, DateTimeOffset at)
    {
        List<ZoneEvent>? events = null;
        for (var i = 0; i < zones.Length; i++)
        {
            var z = zones[i];
            var inZone = visits[i];
            var armed = IsArmed(z, at);
            foreach (var t in tracks)
            {
                if (!t.IsPresent || !string.Equals(t.Label, label, StringComparison.Ordinal)
                    || (!t.ArrivedMoving && time - t.FirstSeen < settle))
                {
                    continue;
                }

                var box = t.Box;
                if (!z.Area.Contains(box.CenterX, box.Bottom))
                {
                    continue;
                }

                if (!inZone.TryGetValue(t.Id, out var visit))
                {
                    visit = new ZoneVisit(time);
                    inZone[t.Id] = visit;
                    (events ??= []).Add(new ZoneEvent(z.Name, ZoneEventKind.Enter, t.Id, armed, TimeSpan.Zero, frame, time));
                }

                visit.LastInside = time;
                var stayed = time - visit.Entered;
                if (armed && !visit.Loitered && z.Dwell > TimeSpan.Zero && stayed >= z.Dwell)
                {
                    visit.Loitered = true;
                    (events ??= []).Add(new ZoneEvent(z.Name, ZoneEventKind.Loiter, t.Id, armed, stayed, frame, time));
                }
            }

            foreach (var (id, visit) in inZone)
            {
                if (time - visit.LastInside > z.ExitGrace || !tracks.Any(t => t.Id == id))
                {
                    ended.Add(id);
                }
            }

            foreach (var id in ended)
            {
                inZone.Remove(id);
            }

            ended.Clear();
        }

        return events ?? (IReadOnlyList<ZoneEvent>)[];
    }
}
