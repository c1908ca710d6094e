using EdgeStation.Domain.Indicators;

namespace EdgeStation.Station.Kiosk;

/// <summary>The indicators page: one month's figures and safety index components, and the 12-month charts (SVG).</summary>
public sealed record IndicatorsPage(LayoutModel Layout, MonthlyPoint Selected, IReadOnlyList<MonthlyPoint> Trend, string SafetyChart, string RatesChart);
