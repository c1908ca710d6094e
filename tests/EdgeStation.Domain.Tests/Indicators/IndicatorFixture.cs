using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Indicators;

/// <summary>A station started on 2026-01-01 with a record builder and a calculator sharing its settings.</summary>
public sealed class IndicatorFixture(StationSettings? settings = null)
{
    public static readonly DateOnly StationStart = Cst.Day(2026, 1, 1);

    public RecordBuilder Records { get; } = new(settings);

    public IndicatorReport On(DateOnly date) =>
        new IndicatorCalculator(Records.Settings, HolidayCalendar.Official).Compute(Records.All, date, StationStart);
}
