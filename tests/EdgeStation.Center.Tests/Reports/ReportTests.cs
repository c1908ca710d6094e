using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Tests.Reports;

/// <summary>
/// The monthly ranking (page, CSV, workbook) and a village's 12-month trends, from daily closes pushed over real mTLS
/// to a running center, read on its admin port with the accounts `users add` made.
/// </summary>
public sealed class ReportTests : IDisposable
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly CenterRun _run = new();
    private readonly RunningCenter _center;
    private readonly HttpClient _http;

    public ReportTests()
    {
        Assert.Equal(0, _run.Cli("ca", "init", "--name", "东山镇综治中心").Exit);
        foreach (var (id, name) in new[] { ("dongshan", "东山村"), ("xishan", "西山村"), ("nanhu", "南湖村") })
        {
            var (exit, _, error) = _run.Cli("enroll", "--station", id, "--name", name, "--endpoint", "https://localhost:7443", "--output", _run.BundlePath(id));
            Assert.True(exit == 0, error);
        }
        foreach (var (user, role) in new[] { ("zhangwei", "official"), ("liqiang", "engineer"), ("wangfang", "viewer"), ("zhaomin", "grid-worker") })
        {
            var (exit, _, error) = _run.CliWithInput("Township-2026!\n", "users", "add", user, "--role", role);
            Assert.True(exit == 0, error);
        }
        _center = RunningCenter.Start(_run);
        _http = new HttpClient { BaseAddress = _center.AdminUrl };
    }

    public void Dispose()
    {
        _http.Dispose();
        _center.Dispose();
        _run.Dispose();
    }

    private async Task SendCloses()
    {
        // 东山村: a close mid-November and a later one on the 30th (the one that counts), one in October.
        await Push("dongshan", Close(20261031, 9500, noCases: 260), Close(20261115, 9000, noCases: 275), Close(20261130, 9650, noCases: 290));
        await Push("xishan", Close(20261130, 8800, noCases: 12, fourNothing: false));
        await Push("nanhu", Close(20261031, 9900, noCases: 300)); // nothing in November: unranked that month
    }

    private async Task Push(string id, params DailyClose[] closes)
    {
        using var station = StationClient.From(StationBundle.Read(_run.BundlePath(id), id, _run.Time.GetUtcNow()), _center.StationUrl);
        var envelopes = closes.Select((c, i) => SyncContract.Wrap(id, (ulong)i + 1, EnvelopeKind.DailyClose,
            new DateTimeOffset(FiguresDay(c.LocalDate).ToDateTime(new TimeOnly(15, 59)), TimeSpan.Zero), c)).ToArray();
        var acks = await station.Push(envelopes);
        Assert.All(acks, a => Assert.Equal(AckStatus.Accepted, a.Status));
    }

    private static DateOnly FiguresDay(uint yyyymmdd) => new((int)(yyyymmdd / 10000), (int)(yyyymmdd / 100 % 100), (int)(yyyymmdd % 100));

    private static DailyClose Close(uint day, uint indexCenti, uint noCases, bool fourNothing = true) => new()
    {
        LocalDate = day,
        Figures = new Figures
        {
            AsOfDate = day,
            Streaks = new StreakDays { NoCases = noCases, NoEscalatedPetitions = 200, NoLawsuits = 512, NoCults = 640 },
            FourNothing = new FourNothing { Year = 2026, Achieved = fourNothing },
            SafetyIndex = new SafetyIndex { IndexCenti = indexCenti },
            Disputes = new DisputeCounts { Red = fourNothing ? 0u : 2u },
            Petitions = new PetitionCounts { Overdue = fourNothing ? 0u : 1u },
        },
    };

    private async Task<HttpResponseMessage> Get(string path, string? user = "zhangwei", string password = "Township-2026!")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }
        return await _http.SendAsync(request);
    }

    [Fact]
    public async Task Printable_ranking_orders_villages_by_their_last_close_of_the_month()
    {
        await SendCloses();

        using var response = await Get("/reports/ranking?month=2026-11");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2026年11月各村平安指数排名", page, StringComparison.Ordinal);
        Assert.Contains("@page{size:A4", page, StringComparison.Ordinal);
        var dongshan = page.IndexOf("东山村", StringComparison.Ordinal);
        var xishan = page.IndexOf("西山村", StringComparison.Ordinal);
        var nanhu = page.IndexOf("南湖村", StringComparison.Ordinal);
        Assert.True(dongshan < xishan && xishan < nanhu, "ranked 东山村 (96.5), 西山村 (88), then 南湖村 without a November close");
        Assert.Contains("<td class=\"num\">96.5</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">290</td>", page, StringComparison.Ordinal); // the 30th's streak, not the 15th's
        Assert.Contains("本月无日结", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_is_utf8_with_a_byte_order_mark_for_excel_and_holds_the_ranking()
    {
        await SendCloses();

        using var response = await Get("/reports/ranking.csv?month=2026-11");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("2026年11月各村平安指数排名", lines[0]);
        Assert.StartsWith("排名,村,站点编号,平安指数,四无平安村", lines[1], StringComparison.Ordinal);
        Assert.Equal("1,东山村,dongshan,96.5,达成,290,200,512,640,0,0,2026-11-30", lines[2]);
        Assert.Equal("2,西山村,xishan,88,未达成,12,200,512,640,2,1,2026-11-30", lines[3]);
        Assert.Equal(",南湖村,nanhu,,,,,,,,,本月无日结", lines[4]);
    }

    [Fact]
    public async Task Xlsx_is_a_workbook_with_numbers_as_numbers_and_chinese_text()
    {
        await SendCloses();

        using var response = await Get("/reports/ranking.xlsx?month=2026-11");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            XDocument.Load(s); // every part is well-formed XML
        }
        using var sheetStream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var cells = XDocument.Load(sheetStream).Descendants(Sheet + "c").ToDictionary(c => (string)c.Attribute("r")!, c => c);
        Assert.Equal("东山村", (string)cells["B3"].Descendants(Sheet + "t").Single());
        Assert.Equal("inlineStr", (string?)cells["B3"].Attribute("t"));
        Assert.Equal("96.5", (string)cells["D3"].Element(Sheet + "v")!);
        Assert.Null(cells["D3"].Attribute("t")); // a number, so Excel sorts and sums it
        Assert.Equal("1", (string)cells["A3"].Element(Sheet + "v")!);
        Assert.Equal("88", (string)cells["D4"].Element(Sheet + "v")!);
        Assert.False(cells.ContainsKey("A5")); // 南湖村 has no rank
    }

    [Fact]
    public async Task Trends_show_a_villages_twelve_months_with_a_gap_where_it_sent_nothing()
    {
        await SendCloses();

        using var response = await Get("/villages/dongshan/trends?to=2026-11", user: "wangfang");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("东山村 近12个月平安趋势", page, StringComparison.Ordinal);
        Assert.Contains("2025年12月至2026年11月", page, StringComparison.Ordinal);
        Assert.Contains("<td>2026年10月</td><td class=\"num\">95.0</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>2026年11月</td><td class=\"num\">96.5</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>2026年9月</td><td class=\"num\">—</td>", page, StringComparison.Ordinal);
        Assert.Contains("<polyline", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/reports/ranking?month=2026-13")]
    [InlineData("/reports/ranking.csv?month=November")]
    [InlineData("/reports/ranking.xlsx?month=26-11")]
    [InlineData("/villages/dongshan/trends?to=1926-11")]
    public async Task A_month_that_is_not_a_month_is_400_saying_how_to_write_it(string path)
    {
        using var response = await Get(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yyyy-MM", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("liqiang", "engineer", "/reports/ranking?month=2026-11")]
    [InlineData("liqiang", "engineer", "/reports/ranking.csv?month=2026-11")]
    [InlineData("liqiang", "engineer", "/reports/ranking.xlsx?month=2026-11")]
    [InlineData("liqiang", "engineer", "/villages/dongshan/trends")]
    [InlineData("zhaomin", "grid-worker", "/reports/ranking?month=2026-11")]
    [InlineData("zhaomin", "grid-worker", "/reports/ranking.csv?month=2026-11")]
    [InlineData("zhaomin", "grid-worker", "/reports/ranking.xlsx?month=2026-11")]
    [InlineData("zhaomin", "grid-worker", "/villages/dongshan/trends")]
    public async Task Engineers_and_grid_workers_are_refused_the_reports_and_exports_with_403(string user, string role, string path)
    {
        await SendCloses(); // there is a ranking to leak: a refusal must not depend on an empty month

        using var response = await Get(path, user);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"{user} ({role}) may not read", body, StringComparison.Ordinal);
        Assert.DoesNotContain("东山村", body, StringComparison.Ordinal);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition); // no file handed out
    }

    [Fact]
    public async Task A_viewer_may_download_the_exports()
    {
        await SendCloses();

        using var csv = await Get("/reports/ranking.csv?month=2026-11", user: "wangfang");
        using var xlsx = await Get("/reports/ranking.xlsx?month=2026-11", user: "wangfang");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("东山村", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
    }

    [Fact]
    public async Task No_or_wrong_credentials_are_401_with_a_basic_challenge_even_for_a_bad_month()
    {
        using var none = await Get("/reports/ranking?month=bad", user: null);
        using var wrong = await Get("/reports/ranking.csv?month=2026-11", password: "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Basic", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Trends_of_a_village_not_enrolled_is_404()
    {
        using var response = await Get("/villages/beiling/trends?to=2026-11");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Users_add_refuses_an_unknown_role_and_a_weak_password_with_exit_2()
    {
        Assert.Equal(2, _run.CliWithInput("Township-2026!\n", "users", "add", "zhaolei", "--role", "mayor").Exit);
        Assert.Equal(2, _run.CliWithInput("123\n", "users", "add", "zhaolei", "--role", "viewer").Exit);
        Assert.Equal(2, _run.CliWithInput("Township-2026!\n", "users", "add", "zhangwei", "--role", "viewer").Exit); // taken
        var (exit, output, _) = _run.Cli("users", "list");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("zhaolei", output, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", output, StringComparison.Ordinal);
    }
}
