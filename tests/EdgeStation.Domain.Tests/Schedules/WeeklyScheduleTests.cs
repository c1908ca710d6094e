using CsCheck;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Schedules;

namespace EdgeStation.Domain.Tests.Schedules;

public sealed class WeeklyScheduleTests
{
    private static readonly HolidayCalendar Official = HolidayCalendar.Official;
    private static readonly WeeklySchedule Office = WeeklySchedule.Parse("mon-fri 08:00-12:00,14:00-18:00; sat 09:00-12:00; holiday closed");

    private static DateTime At(int y, int mo, int d, int h, int mi, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Unspecified);

    [Fact]
    public void Weekday_inside_a_window_is_open()
    {
        // 2026-03-03 is an ordinary Tuesday.
        Assert.True(Office.IsOpen(At(2026, 3, 3, 8, 0), Official));
    }

    [Fact]
    public void Window_end_is_exclusive()
    {
        Assert.False(Office.IsOpen(At(2026, 3, 3, 12, 0), Official));
        Assert.True(Office.IsOpen(At(2026, 3, 3, 11, 59, 59), Official));
    }

    [Fact]
    public void Lunch_gap_between_two_windows_is_closed()
    {
        Assert.False(Office.IsOpen(At(2026, 3, 3, 13, 0), Official));
    }

    [Fact]
    public void Sunday_not_named_is_closed()
    {
        Assert.False(Office.IsOpen(At(2026, 3, 8, 10, 0), Official));
    }

    [Fact]
    public void Listed_holiday_on_a_weekday_uses_the_holiday_windows()
    {
        // 2026-01-02 is a Friday, a rest day of 元旦.
        Assert.False(Office.IsOpen(At(2026, 1, 2, 9, 0), Official));
        Assert.Equal(ScheduleDayKind.Holiday, Office.KindOf(new DateOnly(2026, 1, 2), Official));
    }

    [Fact]
    public void Listed_holiday_on_a_saturday_overrides_the_saturday_windows()
    {
        // 2026-01-03 is a Saturday, a rest day of 元旦; ordinary Saturdays open 09:00–12:00.
        Assert.False(Office.IsOpen(At(2026, 1, 3, 10, 0), Official));
        Assert.True(Office.IsOpen(At(2026, 1, 10, 10, 0), Official));
    }

    [Fact]
    public void Make_up_workday_on_a_sunday_runs_like_monday()
    {
        // 2026-01-04 is a Sunday worked in place of a 元旦 rest day.
        Assert.Equal(ScheduleDayKind.MakeUpWorkday, Office.KindOf(new DateOnly(2026, 1, 4), Official));
        Assert.True(Office.IsOpen(At(2026, 1, 4, 15, 0), Official));
    }

    [Fact]
    public void Make_up_workday_runs_like_the_configured_weekday()
    {
        var s = WeeklySchedule.Parse("mon 08:00-09:00; fri 16:00-18:00; makeup fri");
        Assert.True(s.IsOpen(At(2026, 1, 4, 17, 0), Official));
        Assert.False(s.IsOpen(At(2026, 1, 4, 8, 30), Official));
    }

    [Fact]
    public void Schedule_that_ignores_holidays_opens_on_a_holiday_weekday()
    {
        var s = WeeklySchedule.Parse("mon-fri 08:00-18:00; holidays ignore");
        Assert.True(s.IsOpen(At(2026, 1, 2, 9, 0), Official));
        Assert.False(s.IsOpen(At(2026, 1, 4, 9, 0), Official));
    }

    [Fact]
    public void Holiday_windows_apply_on_holidays()
    {
        var s = WeeklySchedule.Parse("daily 08:00-18:00; holiday 10:00-11:00");
        Assert.False(s.IsOpen(At(2026, 1, 2, 9, 0), Official));
        Assert.True(s.IsOpen(At(2026, 1, 2, 10, 30), Official));
    }

    [Fact]
    public void Night_split_across_midnight_is_open_on_both_sides_of_midnight()
    {
        var s = WeeklySchedule.Parse("mon 22:00-24:00; tue 00:00-06:00");
        Assert.True(s.IsOpen(At(2026, 3, 2, 23, 59, 59), Official));
        Assert.True(s.IsOpen(At(2026, 3, 3, 0, 0), Official));
        Assert.False(s.IsOpen(At(2026, 3, 3, 6, 0), Official));
        Assert.False(s.IsOpen(At(2026, 3, 2, 21, 59, 59), Official));
    }

    [Fact]
    public void Instant_is_read_in_the_station_time_zone()
    {
        var zone = new StationTime("Asia/Shanghai");
        // 2026-03-03 00:30 UTC is 08:30 in Shanghai, inside the morning window; 18:30 Shanghai is 10:30 UTC.
        Assert.True(Office.IsOpen(new DateTimeOffset(2026, 3, 3, 0, 30, 0, TimeSpan.Zero), zone, Official));
        Assert.False(Office.IsOpen(new DateTimeOffset(2026, 3, 3, 10, 30, 0, TimeSpan.Zero), zone, Official));
    }

    [Fact]
    public void Local_midnight_decides_the_day_not_utc_midnight()
    {
        var zone = new StationTime("Asia/Shanghai");
        var s = WeeklySchedule.Parse("tue 00:00-01:00");
        // Tuesday 00:30 in Shanghai is Monday 16:30 UTC.
        Assert.True(s.IsOpen(new DateTimeOffset(2026, 3, 2, 16, 30, 0, TimeSpan.Zero), zone, Official));
    }

    [Fact]
    public void Always_is_open_on_a_holiday_at_midnight()
    {
        Assert.True(WeeklySchedule.Always.IsOpen(At(2026, 2, 17, 0, 0), Official));
        Assert.True(WeeklySchedule.Always.IsOpen(At(2026, 2, 17, 23, 59, 59), Official));
    }

    [Fact]
    public void Never_is_closed()
    {
        Assert.False(WeeklySchedule.Never.IsOpen(At(2026, 3, 3, 9, 0), Official));
    }

    [Theory]
    [InlineData("mon 18:00-08:00", "ends before it starts")]
    [InlineData("mon 08:00-08:00", "ends before it starts")]
    [InlineData("mon 08:00", "HH:MM-HH:MM")]
    [InlineData("mon 25:00-26:00", "not a time of day")]
    [InlineData("mon 08:60-09:00", "not a time of day")]
    [InlineData("mon 24:01-24:30", "not a time of day")]
    [InlineData("funday 08:00-09:00", "not a day")]
    [InlineData("fri-mon 08:00-09:00", "runs backwards")]
    [InlineData("mon 08:00-10:00,09:00-11:00", "overlap")]
    [InlineData("mon 08:00-09:00; mon-fri 10:00-11:00", "named twice")]
    [InlineData("mon", "DAYS WINDOWS")]
    [InlineData("", "empty schedule")]
    [InlineData("makeup sat", "like a weekday")]
    [InlineData("holidays maybe", "holidays ignore")]
    [InlineData("mon 00:00-01:00,01:00-02:00,02:00-03:00,03:00-04:00,04:00-05:00,05:00-06:00,06:00-07:00,07:00-08:00,08:00-09:00", "at most 8")]
    public void Malformed_schedule_is_refused_with_a_clear_message(string text, string expected)
    {
        var ex = Assert.Throws<ScheduleInputException>(() => WeeklySchedule.Parse(text));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_text_groups_equal_neighbouring_days()
    {
        Assert.Equal("mon-fri 08:00-12:00,14:00-18:00; sat 09:00-12:00; sun closed; holiday closed", Office.ToString());
    }

    [Fact]
    public void Text_form_reads_back_to_the_same_schedule()
    {
        var genWindows = Gen.Int[0, 4].SelectMany(n => Gen.Int[0, TimeWindow.MinutesPerDay].Array[n * 2])
            .Select(points =>
            {
                var sorted = points.Distinct().Order().ToArray();
                var windows = new List<TimeWindow>();
                for (var k = 0; k + 1 < sorted.Length; k += 2)
                {
                    if (sorted[k] < TimeWindow.MinutesPerDay && sorted[k + 1] > sorted[k])
                    {
                        windows.Add(new TimeWindow(sorted[k], sorted[k + 1]));
                    }
                }
                return (IReadOnlyList<TimeWindow>)windows;
            });
        var genSchedule = Gen.Select(genWindows.Array[7], genWindows, Gen.Int[1, 5], Gen.Bool,
            (week, holiday, makeUp, follows) => new WeeklySchedule(
                Enumerable.Range(0, 7).ToDictionary(d => (DayOfWeek)d, d => week[d]), holiday, (DayOfWeek)makeUp, follows));
        genSchedule.Sample(s => Assert.True(WeeklySchedule.Parse(s.ToString()).SameAs(s)));
    }

    [Fact]
    public void Open_exactly_when_some_window_of_the_day_contains_the_time()
    {
        var s = WeeklySchedule.Parse("mon-fri 07:30-09:15,17:00-24:00; sat 00:00-00:01");
        Gen.Int[0, 14 * 24 * 3600 - 1].Sample(seconds =>
        {
            var local = At(2026, 3, 2, 0, 0).AddSeconds(seconds);
            var minute = local.Hour * 60 + local.Minute;
            var expected = local.DayOfWeek switch
            {
                DayOfWeek.Saturday => minute < 1,
                DayOfWeek.Sunday => false,
                _ => (minute >= 450 && minute < 555) || minute >= 1020,
            };
            Assert.Equal(expected, s.IsOpen(local, Official));
        });
    }
}
