using EdgeStation.Center.Accounts;
using EdgeStation.Center.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeStation.Center.Reports;

/// <summary>
/// The township's reports on the loopback admin port, each behind <see cref="ReportAccess"/>:
/// <list type="bullet">
/// <item>GET /reports/ranking?month=yyyy-MM — the monthly ranking, a page to print</item>
/// <item>GET /reports/ranking.csv?month=yyyy-MM — the same as CSV (UTF-8 with BOM, for Excel in zh-CN)</item>
/// <item>GET /reports/ranking.xlsx?month=yyyy-MM — the same as an Excel workbook</item>
/// <item>GET /villages/{id}/trends?to=yyyy-MM — one village's twelve months up to that one</item>
/// </list>
/// Without a month: the last whole month in the township's zone. A month that is not yyyy-MM (2000–2099) is 400.
/// </summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app, CenterAccounts accounts, TimeProvider time, TimeZoneInfo zone)
    {
        app.MapGet("/reports/ranking", (HttpContext http, string? month, ICenterStore store) =>
            Guarded(http, accounts, month, time, zone, m => Results.Content(RankingPage.Render(m, new MonthlyFiguresReader(store).Ranking(m), time.GetUtcNow(), zone), "text/html; charset=utf-8")));
        app.MapGet("/reports/ranking.csv", (HttpContext http, string? month, ICenterStore store) =>
            Guarded(http, accounts, month, time, zone, m => Results.File(RankingCsv.Write(m, new MonthlyFiguresReader(store).Ranking(m)), "text/csv; charset=utf-8", $"ranking-{m}.csv")));
        app.MapGet("/reports/ranking.xlsx", (HttpContext http, string? month, ICenterStore store) =>
            Guarded(http, accounts, month, time, zone, m => Results.File(RankingXlsx.Write(m, new MonthlyFiguresReader(store).Ranking(m)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ranking-{m}.xlsx")));
        app.MapGet("/villages/{id}/trends", (HttpContext http, string id, string? to, ICenterStore store) =>
            Guarded(http, accounts, to, time, zone, m => store.Station(id) is { } station
                ? Results.Content(TrendsPage.Render(station.Id, station.Name, new MonthlyFiguresReader(store).Months(station.Id, m.TwelveEndingHere()), time.GetUtcNow(), zone), "text/html; charset=utf-8")
                : Results.Problem(title: $"no village '{id}' is enrolled here", statusCode: StatusCodes.Status404NotFound)));
    }

    /// <summary>Who asks first (401/403), then what they ask for (400), then the answer.</summary>
    private static IResult Guarded(HttpContext http, CenterAccounts accounts, string? month, TimeProvider time, TimeZoneInfo zone, Func<ReportMonth, IResult> answer)
    {
        if (ReportAccess.Check(http, accounts) is { } refused)
        {
            return refused;
        }
        ReportMonth m;
        if (month is null)
        {
            m = ReportMonth.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime)).Previous;
        }
        else if (!ReportMonth.TryParse(month, out m))
        {
            return Results.Problem(title: $"month '{month}' is not a month: write it yyyy-MM, e.g. 2026-11 (years 2000–2099)", statusCode: StatusCodes.Status400BadRequest);
        }
        return answer(m);
    }
}
