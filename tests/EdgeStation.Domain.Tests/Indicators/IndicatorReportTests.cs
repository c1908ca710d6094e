using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

public sealed class IndicatorReportTests
{
    private readonly IndicatorFixture _station = new();

    [Fact]
    public void Report_for_a_year_with_a_published_schedule_says_so()
    {
        Assert.True(_station.On(Cst.Day(2026, 3, 31)).HolidayScheduleKnown);
    }

    [Fact]
    public void Report_for_a_year_without_a_published_schedule_says_weekends_were_assumed()
    {
        Assert.False(_station.On(Cst.Day(2027, 3, 31)).HolidayScheduleKnown);
    }

    [Fact]
    public void Report_names_the_station_time_zone()
    {
        Assert.Equal("Asia/Shanghai", _station.On(Cst.Day(2026, 3, 31)).TimeZone);
    }
}
