using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Calendar;

/// <summary>The embedded cn-public-holidays.csv against the State Council notices for 2025 and 2026.</summary>
public sealed class OfficialCalendarTests
{
    private static readonly HolidayCalendar Official = HolidayCalendar.Official;

    [Fact]
    public void Schedules_are_published_for_2025_and_2026_only()
    {
        Assert.Equal([2025, 2026], Official.Years.Order());
    }

    [Fact]
    public void Spring_festival_2026_eve_week_monday_is_a_rest_day()
    {
        // 2026-02-23 (Monday, 正月初七) is the last day of the 9-day break.
        Assert.False(Official.IsWorkingDay(Cst.Day(2026, 2, 23)));
    }

    [Fact]
    public void Spring_festival_2026_make_up_saturday_is_a_working_day()
    {
        Assert.True(Official.IsWorkingDay(Cst.Day(2026, 2, 28)));
    }

    [Fact]
    public void National_day_2025_extends_to_the_eighth()
    {
        // 2025: 国庆 and 中秋 together, 10-01 to 10-08 (a Wednesday).
        Assert.False(Official.IsWorkingDay(Cst.Day(2025, 10, 8)));
    }

    [Fact]
    public void New_year_2026_make_up_sunday_is_a_working_day()
    {
        Assert.True(Official.IsWorkingDay(Cst.Day(2026, 1, 4)));
    }

    [Fact]
    public void Year_without_a_published_schedule_is_reported_as_unknown()
    {
        Assert.False(Official.HasScheduleFor(2027));
    }

    [Fact]
    public void Year_without_a_published_schedule_treats_national_day_as_a_normal_friday()
    {
        // 2027-10-01 is a Friday; with no schedule only weekends rest.
        Assert.True(Official.IsWorkingDay(Cst.Day(2027, 10, 1)));
    }

    [Fact]
    public void Year_without_a_published_schedule_still_rests_on_saturdays()
    {
        Assert.False(Official.IsWorkingDay(Cst.Day(2027, 10, 2)));
    }
}
