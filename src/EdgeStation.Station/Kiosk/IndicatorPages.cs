using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Indicators;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// The indicators page (one month, its safety index components, 12-month SVG charts) and the printable monthly
/// report with the ledger anchor. Counts and rates only: nothing personal, so every role that may read
/// indicators sees the same page.
/// </summary>
public static class IndicatorPages
{
    public const int TrendMonths = 12;

    private static readonly AccessRule ReadIndicators = AccessRule.Requires("read indicators", Permission.ReadIndicators);

    public static void MapIndicatorPages(this IEndpointRouteBuilder app, UiText text)
    {
        // The month picker sends y and m (two selects, zh-CN words, no script); links send month=YYYY-MM.
        app.MapGet("/indicators", IResult (HttpContext http, RecordService service, string? month, string? y, string? m) =>
        {
            var today = service.Today();
            month ??= PickedMonth(y, m);
            if (!TryMonth(month, today, out var selected))
            {
                return BadMonth(text, month);
            }
            var trend = Trend(service, today).Months;
            var (point, _) = Point(service, selected, today);
            var labels = trend.Select(p => p.Month.ToString("yy-MM", CultureInfo.InvariantCulture)).ToList();
            var safety = TrendChart.Svg(text["ind.chart.safety"], labels,
                [new ChartSeries(text["home.safetyIndex"], "s0", trend.Select(p => p.Report?.SafetyIndex).ToList())], 100);
            var rates = TrendChart.Svg(text["ind.chart.rates"], labels,
            [
                new ChartSeries(text["home.resolutionRate"], "s1", trend.Select(p => Pct(p.Report?.DisputeResolutionRate)).ToList()),
                new ChartSeries(text["home.petitionOnTime"], "s2", trend.Select(p => Pct(p.Report?.PetitionOnTimeRate)).ToList()),
                new ChartSeries(text["ind.gridClosure"], "s3", trend.Select(p => Pct(p.Report?.GridEventClosedRate)).ToList()),
            ], 100, "%");
            var layout = KioskEndpoints.Layout(http, service, text, text["nav.indicators"], "nav.indicators");
            var firstYear = Math.Min(service.StationStart(today).Year, today.Year);
            var years = Enumerable.Range(firstYear, today.Year - firstYear + 1).ToList();
            return KioskEndpoints.Render(Slices.Indicators.Create(new IndicatorsPage(layout, point, trend, safety, rates)
            {
                Years = years,
                // The report button prints what was picked, else the last month that is over.
                ReportMonth = month is null ? LastCompleteMonth(today) : selected,
            }));
        }).WithMetadata(ReadIndicators);

        app.MapGet("/indicators/report", IResult (HttpContext http, RecordService service, TimeProvider time, string? month) =>
        {
            var today = service.Today();
            if (!TryMonth(month, today, out var selected))
            {
                return BadMonth(text, month);
            }
            if (string.IsNullOrEmpty(month))
            {
                selected = LastCompleteMonth(today); // a report is for a month that is over, unless one is asked for
            }
            // The anchor is the head of exactly the records the figures were computed from.
            var (point, head) = Point(service, selected, today);
            var anchor = head.ToString();
            var layout = KioskEndpoints.Layout(http, service, text, text.Format("report.title", $"{selected.Year}年{selected.Month}月"), "nav.indicators");
            var generated = TimeZoneInfo.ConvertTime(time.GetUtcNow(), service.Commands.Time.Zone);
            return KioskEndpoints.Render(Slices.MonthlyReport.Create(new MonthlyReportPage(layout, point, anchor, generated)));
        }).WithMetadata(ReadIndicators);
    }

    /// <summary>YYYY-MM, not after the running month; none means the running month.</summary>
    internal static bool TryMonth(string? text, DateOnly today, out DateOnly month)
    {
        month = new DateOnly(today.Year, today.Month, 1);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (text.Length != 7
            || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed > month)
        {
            return false;
        }
        month = parsed;
        return true;
    }

    /// <summary>The first day of the month before <paramref name="today"/>'s: the last month whose figures are final.</summary>
    internal static DateOnly LastCompleteMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    /// <summary>YYYY-MM from the picker's year and month selects; null when either is missing (then TryMonth judges it).</summary>
    private static string? PickedMonth(string? year, string? month) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mm)
            ? $"{yy:0000}-{mm:00}"
            : year is null && month is null ? null : $"{year}-{month}";

    private static IResult BadMonth(UiText text, string? month) =>
        ApiProblem.Problem(StatusCodes.Status400BadRequest, "bad month", $"{text["ind.badMonth"]} (month={month})");

    /// <summary>The last 12 months from the in-memory record summaries, computed once per ledger head and day.</summary>
    private static TrendSnapshot Trend(RecordService service, DateOnly today) =>
        service.Cached("indicators-trend", today, summaries =>
        {
            var (calculator, records, start) = Inputs(service, summaries, today);
            return new TrendSnapshot(summaries.Head, MonthlyTrend.Compute(calculator, records, today, start, TrendMonths));
        });

    /// <summary>A month of the trend, or (older than the trend) computed for this request.</summary>
    private static (MonthlyPoint Point, LedgerHead Head) Point(RecordService service, DateOnly month, DateOnly today)
    {
        var trend = Trend(service, today);
        if (trend.Months.FirstOrDefault(p => p.Month == month) is { } known)
        {
            return (known, trend.Head);
        }
        var summaries = service.Store.Summaries();
        var (calculator, records, start) = Inputs(service, summaries, today);
        return (MonthlyTrend.At(calculator, records, month, today, start), summaries.Head);
    }

    private static (IndicatorCalculator Calculator, List<Domain.Records.RecordSnapshot> Records, DateOnly Start) Inputs(
        RecordService service, Storage.Records.RecordSummaries summaries, DateOnly today)
    {
        return (service.Calculator, summaries.Select(s => s.ToSnapshot()).ToList(), service.StationStart(today));
    }

    private static double? Pct(double? rate) => rate * 100;
}
