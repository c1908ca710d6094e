using System.Net;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Kiosk;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>The kiosk tried as a village official would (issue 14, section 6), on a station seeded with 2025; today is 2026-03-10.</summary>
public sealed class KioskAsOfficialTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private HttpClient _official = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartSeededAsync("杨柳村", 2025);
        _official = await _station.SignedInAsync("official", Role.Official);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    [Fact]
    public async Task Regression_LoginPageShowedTheLedgerHashToAnyone()
    {
        var hash = _station.Store.Head.Hash;

        var login = await _station.NewClient().GetStringAsync("/login");
        var home = await _official.GetStringAsync("/");

        Assert.DoesNotContain(hash, login, StringComparison.Ordinal);
        Assert.Contains(hash, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_KioskErrorsWereEnglishWithCliOptionNames()
    {
        var body = """{"type":"dispute","fields":{"category":"neighbours","parties":"2","occurredAt":"2026-05-01"}}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/records") { Content = ApiStation.Json(body) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var kiosk = await _official.SendAsync(request);
        var program = await _official.PostAsync("/api/records", ApiStation.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, kiosk.StatusCode);
        var detail = Detail(await kiosk.Content.ReadAsStringAsync());
        Assert.Equal("发生时间（2026-05-01）不能晚于今天。", detail);
        Assert.Contains("--occurred-at", Detail(await program.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--occurred-at is after --reported-at; something is reported after it happens")]
    [InlineData("--parties is empty; give a value or leave the option out")]
    [InlineData("--parties must be a whole number (got 'two')")]
    [InlineData("--parties must be between 1 and 10000 (got 0)")]
    [InlineData("--risk must be one of red, yellow, green (got 'purple')")]
    [InlineData("--reported-at must be a date like 2026-03-15 or 2026-03-15T09:30 (got 'x')")]
    [InlineData("--summary is 2001 characters long; the limit is 2000")]
    [InlineData("--note contains control characters")]
    [InlineData("--id-number: the ID number's check digit does not match (typo?) (got '110105194912310021')")]
    [InlineData("--repeat-of PT-2026-0099: no petition with that id")]
    [InlineData("a dispute needs --category (one of neighbours, other)")]
    [InlineData("'assign' needs --to")]
    [InlineData("voiding needs --reason (it is kept in the ledger)")]
    [InlineData("nothing to amend: give at least one field that differs from DS-2026-0001's current value")]
    [InlineData("cannot 'resolve' DS-2026-0001: it is 'reported'; allowed now: assess")]
    [InlineData("'fly' is not an action for a dispute; allowed now: assess")]
    [InlineData("DS-2026-0001 was voided (entered twice); it cannot change any more")]
    [InlineData("--days must be at most 30 (《信访工作条例》第三十四条)")]
    [InlineData("--at 2026-03-20 is in the future")]
    [InlineData("--at 2026-03-01 09:30 is before DS-2026-0001 was reported (2026-03-02 10:00)")]
    [InlineData("no record 'DS-2026-0099' (see 'edgestation records list')")]
    [InlineData("something nobody foresaw")]
    public void Every_input_problem_reads_in_chinese_without_option_names(string message)
    {
        var problems = new ProblemText(UiText.Load(), new RecordSchemas(new StationSettings()));

        var chinese = problems.Chinese(message);

        Assert.DoesNotContain("--", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("[", chinese, StringComparison.Ordinal); // a missing string shows as [key]
        Assert.DoesNotContain("{", chinese, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
    }

    [Fact]
    public async Task Regression_MonthPickerShowedEnglishMonthNames()
    {
        var page = await _official.GetStringAsync("/indicators");
        var december = await _official.GetStringAsync("/indicators?y=2025&m=12");

        Assert.DoesNotContain("type=\"month\"", page, StringComparison.Ordinal);
        Assert.Contains(">2025年</option>", page, StringComparison.Ordinal);
        Assert.Contains(">12月</option>", page, StringComparison.Ordinal);
        Assert.Contains("截至 2025-12-31 的指标", december, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_MonthlyReportDefaultedToTheRunningMonth()
    {
        var indicators = await _official.GetStringAsync("/indicators");
        var report = await _official.GetStringAsync("/indicators/report");

        Assert.Contains("href=\"/indicators/report?month=2026-02\"", indicators, StringComparison.Ordinal);
        Assert.Contains("2026年2月平安建设月报", report, StringComparison.Ordinal);
    }

    private static string Detail(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("detail").GetString()!;
    }
}
