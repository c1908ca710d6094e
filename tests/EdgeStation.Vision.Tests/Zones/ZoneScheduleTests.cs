using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Schedules;
using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Vision.Tests.Zones;

// Zone arming read at station-local times (Asia/Shanghai) with the official holiday calendar: the domain's one schedule
// model, shared with the doors. 2026-12-04 is a Friday; 2026-10-01 (Thursday) is a National Day rest day; 2026-09-20
// (Sunday) is a make-up workday (调休上班).
public sealed class ZoneScheduleTests
{
    // The archive yard: armed outside office hours, all weekend and on rest days.
    private const string AfterHours = "mon-fri 00:00-08:00,18:00-24:00; sat,sun 00:00-24:00; holiday 00:00-24:00";

    // The river bank: armed every night, holidays or not.
    private const string Nights = "daily 00:00-06:00,20:00-24:00; holidays ignore";

    private static readonly StationTime Shanghai = new("Asia/Shanghai");

    private static readonly ZoneWatcher Watcher = new(
        [Zone("yard", AfterHours), Zone("river", Nights)], Shanghai, HolidayCalendar.Official);

    [Theory]
    [InlineData("2026-12-04T17:59", false)]
    [InlineData("2026-12-04T18:00", true)]
    [InlineData("2026-12-04T23:59", true)]
    [InlineData("2026-12-05T00:00", true)]
    [InlineData("2026-12-07T07:59", true)]
    [InlineData("2026-12-07T08:00", false)]
    public void The_after_hours_yard_stays_armed_across_midnight_into_the_weekend_and_disarms_on_monday_morning(string local, bool armed)
    {
        Assert.Equal(armed, Watcher.IsArmed(Watcher.Zones[0], At(local)));
    }

    [Theory]
    [InlineData("2026-10-01T12:00", true)]
    [InlineData("2026-10-08T12:00", false)]
    [InlineData("2026-09-20T12:00", false)]
    [InlineData("2026-09-20T19:00", true)]
    public void The_yard_is_armed_all_day_on_a_rest_day_and_runs_office_hours_on_a_make_up_sunday(string local, bool armed)
    {
        Assert.Equal(armed, Watcher.IsArmed(Watcher.Zones[0], At(local)));
    }

    [Theory]
    [InlineData("2026-12-04T19:59", false)]
    [InlineData("2026-12-04T20:00", true)]
    [InlineData("2026-12-05T00:30", true)]
    [InlineData("2026-12-05T05:59", true)]
    [InlineData("2026-12-05T06:00", false)]
    [InlineData("2026-10-01T12:00", false)]
    [InlineData("2026-10-01T23:00", true)]
    public void The_river_bank_is_armed_each_night_across_midnight_and_holidays_change_nothing(string local, bool armed)
    {
        Assert.Equal(armed, Watcher.IsArmed(Watcher.Zones[1], At(local)));
    }

    [Fact]
    public void Schedules_are_read_in_the_station_time_zone_not_utc()
    {
        // 10:30 UTC is 18:30 in Shanghai: after hours.
        Assert.True(Watcher.IsArmed(Watcher.Zones[0], new DateTimeOffset(2026, 12, 4, 10, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_zone_schedule_that_names_no_holiday_is_armed_on_a_holiday_as_on_its_weekday_unlike_a_door_schedule()
    {
        var holidayNight = At("2026-10-01T21:00");

        Assert.True(ZoneSchedules.Parse("daily 20:00-24:00").IsOpen(holidayNight, Shanghai, HolidayCalendar.Official));
        Assert.False(WeeklySchedule.Parse("daily 20:00-24:00").IsOpen(holidayNight, Shanghai, HolidayCalendar.Official));
        Assert.False(ZoneSchedules.Parse("daily 20:00-24:00; holiday closed").IsOpen(holidayNight, Shanghai, HolidayCalendar.Official));
    }

    [Fact]
    public void Two_zones_with_one_name_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ZoneWatcher([Zone("yard", Nights), Zone("yard", Nights)], Shanghai, HolidayCalendar.Official));

        Assert.Contains("two zones are named 'yard'", e.Message, StringComparison.Ordinal);
    }

    private static CameraZone Zone(string name, string schedule) =>
        new(name, new Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])) { Armed = WeeklySchedule.Parse(schedule) };

    private static DateTimeOffset At(string local) =>
        Shanghai.ToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
}
