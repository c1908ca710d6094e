using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Schedules;
using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Tracking;
using EdgeStation.Vision.Zones;
using DetectedObject = EdgeStation.Vision.Detection.Detection;

namespace EdgeStation.Vision.Tests.Zones;

// Synthetic people (24×60 px boxes) through the real tracker at 10 fps; the zone is the right half of a 400×300 picture
// (x ≥ 200). Frame i is at local time Start + i/10 s.
public sealed class ZoneWatcherTests
{
    private static readonly StationTime Shanghai = new("Asia/Shanghai");
    private static readonly Polygon RightHalf = new([(200, 0), (400, 0), (400, 300), (200, 300)]);

    // Friday 2026-12-04 23:59:50 local: ten seconds before midnight.
    private static readonly DateTimeOffset Start = Shanghai.ToUtc(new DateTime(2026, 12, 4, 23, 59, 50));

    [Fact]
    public void Walking_into_an_armed_zone_is_one_enter_event_at_the_step_across()
    {
        var events = Run(new CameraZone("yard", RightHalf), i => (100 + (8 * i), 150), frames: 30);

        var e = Assert.Single(events);
        Assert.Equal((ZoneEventKind.Enter, true, "yard"), (e.Kind, e.Armed, e.Zone));
        // The foot point (x = 100 + 8i) passes x = 200 at frame 13.
        Assert.InRange(e.Frame, 12, 14);
    }

    [Fact]
    public void Staying_the_dwell_time_is_one_loiter_event_however_long_the_stay()
    {
        var zone = new CameraZone("yard", RightHalf) { Dwell = TimeSpan.FromSeconds(5) };

        var events = Run(zone, WalkInAndStand, frames: 200);

        Assert.Equal([ZoneEventKind.Enter, ZoneEventKind.Loiter], events.Select(e => e.Kind));
        Assert.InRange(events[1].Dwell.TotalSeconds, 5, 5.2);
        Assert.True(events[1].IsAlert(zone));
        Assert.False(events[0].IsAlert(zone));
    }

    [Fact]
    public void A_stay_in_a_disarmed_zone_raises_no_loiter_until_the_schedule_arms_it_at_midnight()
    {
        // Armed from midnight only: the person is in from about 23:59:51.3, so the loiter comes at 00:00:00 with 8.7 s stayed.
        var zone = new CameraZone("yard", RightHalf) { Dwell = TimeSpan.FromSeconds(5), Armed = WeeklySchedule.Parse("sat 00:00-06:00; holidays ignore") };

        var events = Run(zone, WalkInAndStand, frames: 150);

        Assert.Equal([(ZoneEventKind.Enter, false), (ZoneEventKind.Loiter, true)], events.Select(e => (e.Kind, e.Armed)));
        Assert.InRange(events[1].Frame, 100, 101);
        Assert.InRange(events[1].Dwell.TotalSeconds, 8.5, 8.9);
    }

    [Fact]
    public void Wobbling_across_the_edge_of_the_zone_is_one_visit()
    {
        var events = Run(new CameraZone("yard", RightHalf), i => (i < 10 ? 150 + (5 * i) : 200 + ((i % 2) == 0 ? 3 : -3), 150), frames: 60);

        Assert.Single(events);
    }

    [Fact]
    public void Leaving_for_longer_than_the_grace_and_coming_back_is_a_second_visit()
    {
        // In the zone, out to x = 120 for 3 s, back in.
        static (float, float) Path(int i) => (i < 20 ? 300 : i < 30 ? 300 - (18 * (i - 20)) : i < 60 ? 120 : i < 70 ? 120 + (18 * (i - 60)) : 300, 150);

        var events = Run(new CameraZone("yard", RightHalf), Path, frames: 90);

        Assert.Equal(2, events.Count(e => e.Kind == ZoneEventKind.Enter));
        Assert.Single(events.Select(e => e.TrackId).Distinct());
    }

    [Fact]
    public void A_stationary_object_that_never_moved_is_never_in_a_zone_not_even_when_the_camera_starts()
    {
        // A signpost the detector sees as a person from the start, in the zone, with no motion on it.
        var zone = new CameraZone("yard", RightHalf) { Dwell = TimeSpan.FromSeconds(2) };
        var watcher = new ZoneWatcher([zone], Shanghai, HolidayCalendar.Official);
        var tracker = new MultiObjectTracker(bounds: new Box(0, 0, 400, 300));
        var events = new List<ZoneEvent>();
        for (var i = 0; i <= 100; i++)
        {
            var at = TimeSpan.FromSeconds(i / 10.0);
            var tracks = tracker.Update(at, [new DetectedObject(Box.FromCenter(300, 150, 24, 60), 0, "person", 0.8f)]);
            events.AddRange(watcher.Update(tracks, i, at, Start + at));
        }

        // It appeared in place, so it had to be watched 3 s first, and by then it had settled.
        Assert.Empty(events);
        Assert.Equal(0, watcher.Occupancy("yard"));
    }

    // Walks in from x = 100 (foot across x = 200 at frame 13), stops at x = 300 and stands there, shifting a little.
    private static (float X, float Y) WalkInAndStand(int i) => (i <= 25 ? 100 + (8 * i) : 300 + ((i % 2) * 3), 150);

    private static List<ZoneEvent> Run(CameraZone zone, Func<int, (float X, float Y)> at, int frames)
    {
        var watcher = new ZoneWatcher([zone], Shanghai, HolidayCalendar.Official);
        var tracker = new MultiObjectTracker(bounds: new Box(0, 0, 400, 300));
        var events = new List<ZoneEvent>();
        tracker.Update(TimeSpan.Zero, []);
        for (var i = 1; i <= frames; i++)
        {
            var t = TimeSpan.FromSeconds(i / 10.0);
            var (x, y) = at(i);
            // y is the box centre; the foot is 30 px lower.
            var person = new DetectedObject(Box.FromCenter(x, y, 24, 60), 0, "person", 0.9f);
            events.AddRange(watcher.Update(tracker.Update(t, [person]), i, t, Start + t));
        }

        return events;
    }
}
