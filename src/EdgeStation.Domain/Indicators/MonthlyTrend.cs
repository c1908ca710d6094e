using EdgeStation.Domain.Records;

namespace EdgeStation.Domain.Indicators;

/// <summary>
/// The indicators month by month, oldest first, for the kiosk's 12-month charts and the monthly report. Each
/// month is computed as of its last day, so a closed month shows what the township saw at month end.
/// </summary>
public static class MonthlyTrend
{
    public static IReadOnlyList<MonthlyPoint> Compute(
        IndicatorCalculator calculator, IReadOnlyCollection<RecordSnapshot> records, DateOnly today, DateOnly stationStart, int months = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var current = new DateOnly(today.Year, today.Month, 1);
        var points = new List<MonthlyPoint>(months);
        for (var i = months - 1; i >= 0; i--)
        {
            var month = current.AddMonths(-i);
            points.Add(At(calculator, records, month, today, stationStart));
        }
        return points;
    }

    /// <summary>One month: as of its last day, or <paramref name="today"/> while it is still running.</summary>
    public static MonthlyPoint At(IndicatorCalculator calculator, IReadOnlyCollection<RecordSnapshot> records, DateOnly month, DateOnly today, DateOnly stationStart)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var running = last >= today;
        var asOf = running ? today : last;
        var report = asOf < stationStart || first > today ? null : calculator.Compute(records, asOf, stationStart);
        return new MonthlyPoint(first, asOf, report) { IsRunningMonth = running };
    }
}
