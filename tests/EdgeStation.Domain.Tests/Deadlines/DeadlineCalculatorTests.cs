using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Deadlines;

public sealed class DeadlineCalculatorTests
{
    private readonly DeadlineCalculator _official = new(HolidayCalendar.Official);

    [Fact]
    public void Last_day_without_roll_over_stays_on_a_holiday()
    {
        Assert.Equal(Cst.Day(2026, 10, 1), _official.LastDay(Cst.Day(2026, 9, 16), 15, rollOverRestDays: false));
    }

    [Fact]
    public void Rule_without_roll_over_keeps_a_holiday_last_day()
    {
        var rule = new DeadlineRule("test", 15, "test") { RollsOverRestDays = false };

        Assert.Equal(Cst.Day(2026, 10, 1), _official.LastDay(Cst.Day(2026, 9, 16), rule));
    }

    [Fact]
    public void Rule_extra_days_are_added_before_rolling_over()
    {
        // 2026-09-16 + (15 + 9) = Sat 2026-10-10, a make-up workday. Rolling day 15 (10-01 -> 10-08) first
        // and then adding 9 would give Sat 10-17 -> Mon 10-19.
        var rule = new DeadlineRule("test", 15, "test");

        Assert.Equal(Cst.Day(2026, 10, 10), _official.LastDay(Cst.Day(2026, 9, 16), rule, extraDays: 9));
    }

    [Fact]
    public void Weekends_only_calendar_rolls_a_sunday_to_monday_even_on_an_official_make_up_day()
    {
        var weekends = new DeadlineCalculator(HolidayCalendar.WeekendsOnly);

        Assert.Equal(Cst.Day(2026, 1, 5), weekends.LastDay(Cst.Day(2025, 12, 20), 15));
    }
}
