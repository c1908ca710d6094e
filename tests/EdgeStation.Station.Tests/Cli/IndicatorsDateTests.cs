using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>`indicators --date` only for days the station kept records (it once printed a perfect score for any day).</summary>
public sealed class IndicatorsDateTests
{
    [Theory]
    [InlineData("2026-03-09", "before the station started")]
    [InlineData("2026-03-11", "in the future")]
    public void Regression_indicators_for_a_day_without_records_printed_a_perfect_score(string date, string message)
    {
        using var station = new TestStation();
        station.AddDispute();

        var r = station.Run("indicators", "--date", date);

        Assert.Equal((2, ""), (r.Exit, r.Out));
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicators_for_today_are_given()
    {
        using var station = new TestStation();
        station.AddDispute();

        Assert.Contains("indicators for 2026-03-10", station.Ok("indicators", "--date", "2026-03-10"), StringComparison.Ordinal);
    }
}
