namespace EdgeStation.Station.Kiosk;

/// <summary>One line of a trend chart: its legend text, its CSS class (colour) and one value per month (null: a gap).</summary>
public sealed record ChartSeries(string Label, string CssClass, IReadOnlyList<double?> Values);
