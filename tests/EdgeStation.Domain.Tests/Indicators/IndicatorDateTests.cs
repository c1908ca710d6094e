using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>Figures exist only for days the station kept records: not before its start, not in the future.</summary>
public sealed class IndicatorDateTests
{
    private static readonly DateOnly Start = Cst.Day(2026, 1, 10);
    private static readonly DateOnly Today = Cst.Day(2026, 3, 20);

    [Fact]
    public void Day_before_the_station_started_has_no_figures()
    {
        Assert.Contains("before the station started", IndicatorCalculator.DateProblem(Cst.Day(2026, 1, 9), Start, Today), StringComparison.Ordinal);
    }

    [Fact]
    public void Day_in_the_future_has_no_figures()
    {
        Assert.Contains("in the future", IndicatorCalculator.DateProblem(Cst.Day(2026, 3, 21), Start, Today), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 1, 10)]
    [InlineData(2026, 3, 20)]
    public void Start_day_and_today_have_figures(int y, int m, int d)
    {
        Assert.Null(IndicatorCalculator.DateProblem(Cst.Day(y, m, d), Start, Today));
    }
}
