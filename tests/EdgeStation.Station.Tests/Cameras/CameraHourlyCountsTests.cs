using EdgeStation.Station.Cameras;

namespace EdgeStation.Station.Tests.Cameras;

/// <summary>A camera's hourly counts, fed frame by frame as its runner feeds them, on explicit times.</summary>
public sealed class CameraHourlyCountsTests
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ten_minutes_at_10_fps_are_ten_minutes_watched_and_the_rest_of_the_hour_is_not()
    {
        var counts = new CameraHourlyCounts(0, 0);
        for (var i = 0; i <= 6000; i++)
        {
            counts.Frame(Hour.AddMinutes(5).AddMilliseconds(i * 100), [], []);
        }

        var h = counts.Hour(Hour);

        Assert.Equal(6001, h.Frames);
        Assert.Equal(600, h.WatchedSeconds, precision: 6);
    }

    [Fact]
    public void A_stall_longer_than_the_gap_is_not_watched_time()
    {
        var counts = new CameraHourlyCounts(0, 0);
        counts.Frame(Hour.AddSeconds(10), [], []);
        counts.Frame(Hour.AddSeconds(11), [], []);
        counts.Frame(Hour.AddSeconds(41), [], []); // 30 s without a frame
        counts.Frame(Hour.AddSeconds(42), [], []);

        Assert.Equal(2, counts.Hour(Hour).WatchedSeconds, precision: 6);
    }

    [Fact]
    public void People_are_counted_once_per_track_and_again_after_a_restart_reuses_ids()
    {
        var counts = new CameraHourlyCounts(0, 0);
        counts.Frame(Hour.AddSeconds(1), [1, 2], []);
        counts.Frame(Hour.AddSeconds(2), [1, 2, 3], []);
        counts.Frame(Hour.AddSeconds(3), [3], []);
        counts.Restarted();
        counts.Frame(Hour.AddSeconds(9), [1], []); // a new tracker's first id: someone else

        var h = counts.Hour(Hour);

        Assert.Equal(4, h.PeopleSeen);
        Assert.Equal(3, h.PeakPersons);
    }

    [Fact]
    public void Zone_occupancy_adds_people_times_seconds_and_keeps_the_peak()
    {
        var counts = new CameraHourlyCounts(0, 2);
        counts.Frame(Hour.AddSeconds(0), [], [0, 0]);
        counts.Frame(Hour.AddSeconds(1), [], [2, 0]);
        counts.Frame(Hour.AddSeconds(2), [], [1, 0]);
        counts.Frame(Hour.AddSeconds(3), [], [0, 0]);
        counts.Entered(Hour.AddSeconds(1), 0);

        var z = counts.Hour(Hour).Zones;

        Assert.Equal(new CameraHourZone(2, 2, 3, 1), z[0]);
        Assert.Equal(new CameraHourZone(0, 0, 0, 0), z[1]);
    }

    [Fact]
    public void Crossings_and_alerts_land_in_the_hour_they_happened()
    {
        var counts = new CameraHourlyCounts(2, 0);
        counts.Crossed(Hour.AddMinutes(59), 1, forward: true);
        counts.Crossed(Hour.AddMinutes(60), 1, forward: false);
        counts.Crossed(Hour.AddMinutes(61), 0, forward: true);
        counts.Alert(Hour.AddMinutes(30), "loiter");
        counts.Alert(Hour.AddMinutes(31), "loiter");
        counts.Alert(Hour.AddMinutes(70), "covered");

        var first = counts.Hour(Hour);
        var second = counts.Hour(Hour.AddHours(1));

        Assert.Equal([new CameraHourLine(0, 0), new CameraHourLine(1, 0)], first.Lines);
        Assert.Equal([new CameraHourLine(1, 0), new CameraHourLine(0, 1)], second.Lines);
        Assert.Equal(2, first.Alerts["loiter"]);
        Assert.Equal(1, second.Alerts["covered"]);
        Assert.Single(second.Alerts);
    }

    [Fact]
    public void Hours_older_than_two_days_are_forgotten()
    {
        var counts = new CameraHourlyCounts(0, 0);
        counts.Alert(Hour, "loiter");
        counts.Alert(Hour.AddHours(CameraHourlyCounts.HoursKept + 1), "loiter");

        Assert.Empty(counts.Hour(Hour).Alerts);
        Assert.Single(counts.Hour(Hour.AddHours(CameraHourlyCounts.HoursKept + 1)).Alerts);
    }
}
