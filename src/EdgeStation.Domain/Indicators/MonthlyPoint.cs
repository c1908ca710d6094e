namespace EdgeStation.Domain.Indicators;

/// <summary>
/// One month of a trend: the indicators as they stood at <see cref="AsOf"/> (the month's last day, or today for
/// the running month). <see cref="Report"/> is null for a month that ended before the station started keeping
/// records: a gap in the chart, not a zero.
/// </summary>
public sealed record MonthlyPoint(DateOnly Month, DateOnly AsOf, IndicatorReport? Report)
{
    public bool IsRunningMonth { get; init; }
}
