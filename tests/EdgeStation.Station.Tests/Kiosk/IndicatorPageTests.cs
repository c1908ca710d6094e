using System.Net;
using System.Text.RegularExpressions;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Indicators;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>The indicators page with its 12-month charts, and the printable monthly report, over a seeded demo year.</summary>
public sealed partial class IndicatorPageTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private HttpClient _http = null!;
    private RecordService _service = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartSeededAsync("杨柳村", 2025, 2026);
        _service = new RecordService(_station.Store, _station.Config, _station.Clock);
        _http = await _station.SignedInAsync("viewer", Role.Viewer);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    private IReadOnlyList<MonthlyPoint> Trend() =>
        MonthlyTrend.Compute(new IndicatorCalculator(_station.Config.Settings, HolidayCalendar.Official), _station.Store.Records().ToList(),
            _service.Today(), _station.Store.Station()!.StartDate, 12);

    [Fact]
    public async Task The_safety_chart_has_one_point_per_month_with_the_computed_index()
    {
        var html = await _http.GetStringAsync("/indicators");
        var trend = Trend();

        var chart = Regex.Match(html, "<figure class=\"chart-box\" id=\"chart-safety\">.*?</figure>", RegexOptions.Singleline).Value;
        var values = PointValue().Matches(chart).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var expected = trend.Where(p => p.Report is not null).Select(p => Math.Round(p.Report!.SafetyIndex, 1)).ToList();

        Assert.Equal(12, trend.Count);
        Assert.Equal(expected, values);
        Assert.Contains("<svg class=\"chart\"", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html[html.IndexOf("<main>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_selected_month_and_its_components()
    {
        var html = await _http.GetStringAsync("/indicators?month=2025-11");
        var november = Trend().Single(p => p.Month == new DateOnly(2025, 11, 1)).Report!;

        Assert.Contains("截至 2025-11-30 的指标", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"safety-index\">{november.SafetyIndex:0.0}<", html, StringComparison.Ordinal);
        Assert.Contains("矛盾纠纷化解率", html, StringComparison.Ordinal);
        Assert.Equal(november.SafetyIndexComponents.Count, Regex.Matches(Regex.Match(html, "<table id=\"components\">.*?</table>", RegexOptions.Singleline).Value, "<tr>").Count - 1);
    }

    [Fact]
    public async Task A_month_before_the_station_started_is_shown_as_not_recorded()
    {
        var html = await _http.GetStringAsync("/indicators?month=2024-06");

        Assert.Contains("该月份本站尚未开始记录", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("26-03")]
    [InlineData("2026-03-01")]
    [InlineData("2026-04")] // after the running month (the clock says 2026-03-10)
    [InlineData("next")]
    public async Task A_bad_month_is_a_clear_400(string month)
    {
        var r = await _http.GetAsync($"/indicators?month={month}");
        var report = await _http.GetAsync($"/indicators/report?month={month}");

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        Assert.Contains("YYYY-MM", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_report_prints_the_ledger_anchor_it_was_computed_from()
    {
        var html = await _http.GetStringAsync("/indicators/report?month=2026-02");
        var head = _station.Store.Head.ToString();
        var february = Trend().Single(p => p.Month == new DateOnly(2026, 2, 1)).Report!;

        Assert.Contains($"id=\"report-anchor\">{head}<", html, StringComparison.Ordinal);
        Assert.Matches(":[0-9a-f]{64}$", head);
        Assert.Contains("杨柳村 2026年2月平安建设月报", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"report-index\">{february.SafetyIndex:0.0}<", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_the_indicators_are_not_shown()
    {
        var anonymous = _station.NewClient();

        var r = await anonymous.GetAsync("/indicators/report");

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [GeneratedRegex("data-value=\"([0-9.]+)\"")]
    private static partial Regex PointValue();
}
