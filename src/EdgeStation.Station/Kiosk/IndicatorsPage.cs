using EdgeStation.Domain.Indicators;

namespace EdgeStation.Station.Kiosk;

/// <summary>The indicators page: one month's figures and safety index components, and the 12-month charts (SVG).</summary>
public sealed record IndicatorsPage(LayoutModel Layout, MonthlyPoint Selected, IReadOnlyList<MonthlyPoint> Trend, string SafetyChart, string RatesChart)
{
    /// <summary>The years the month picker offers: from the station's start to this year.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    /// <summary>The month 打印月报 prints: the one picked, else the last complete month.</summary>
    public DateOnly ReportMonth { get; init; }
}
