using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>The 12-month trend behind the kiosk's charts and the monthly report.</summary>
public sealed class MonthlyTrendTests
{
    private readonly IndicatorFixture _station = new();

    private IReadOnlyList<MonthlyPoint> Trend(DateOnly today, int months = 12) =>
        MonthlyTrend.Compute(new IndicatorCalculator(_station.Records.Settings, HolidayCalendar.Official), _station.Records.All, today, IndicatorFixture.StationStart, months);

    [Fact]
    public void Twelve_months_oldest_first_ending_with_the_running_month_as_of_today()
    {
        var points = Trend(Cst.Day(2026, 11, 23));

        Assert.Equal(12, points.Count);
        Assert.Equal(Cst.Day(2025, 12, 1), points[0].Month);
        Assert.Equal(Cst.Day(2026, 11, 1), points[^1].Month);
        Assert.Equal(Cst.Day(2026, 11, 23), points[^1].AsOf);
        Assert.True(points[^1].IsRunningMonth);
        Assert.Equal(Cst.Day(2026, 10, 31), points[^2].AsOf);
        Assert.Equal(Cst.Day(2026, 2, 28), points[2].AsOf);
        Assert.False(points[^2].IsRunningMonth);
    }

    [Fact]
    public void Months_that_ended_before_the_station_started_are_gaps_not_zeros()
    {
        var points = Trend(Cst.Day(2026, 3, 15));

        Assert.Null(points[0].Report); // 2025-04, long before 2026-01-01
        Assert.Null(points[8].Report); // 2025-12
        Assert.NotNull(points[9].Report); // 2026-01
    }

    [Fact]
    public void A_closed_month_shows_the_figures_at_its_end_not_later_changes()
    {
        var records = _station.Records;
        var dispute = records.Act(records.Dispute(Cst.At(2026, 2, 3)), "assess", Cst.At(2026, 2, 3, 11), new() { Risk = "yellow" });
        dispute = records.Act(dispute, "assign", Cst.At(2026, 2, 3, 12), new() { AssignedTo = "调解员" });
        records.Act(dispute, "resolve", Cst.At(2026, 3, 4));

        var points = Trend(Cst.Day(2026, 3, 20));
        var february = points.Single(p => p.Month == Cst.Day(2026, 2, 1)).Report!;
        var march = points[^1].Report!;

        Assert.Equal(0.0, february.DisputeResolutionRate);
        Assert.Equal(1.0, march.DisputeResolutionRate);
    }

    [Fact]
    public void A_case_lowers_the_safety_index_of_its_own_month_only()
    {
        _station.Records.Case(Cst.At(2026, 2, 10));

        var points = Trend(Cst.Day(2026, 4, 10));
        double Index(int month) => points.Single(p => p.Month == Cst.Day(2026, month, 1)).Report!.SafetyIndex;

        Assert.True(Index(2) < Index(1), $"February {Index(2)} should be below January {Index(1)}");
        Assert.Equal(Index(1), Index(3));
    }

    [Fact]
    public void Month_count_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Trend(Cst.Day(2026, 3, 1), 0));
    }
}
