using Microsoft.Playwright;

namespace EdgeStation.EndToEnd.Tests;

/// <summary>Officials' flows in a real browser at the kiosk's two screen sizes.</summary>
public sealed class KioskFlowTests : IClassFixture<KioskStation>
{
    private readonly KioskStation _station;

    public KioskFlowTests(KioskStation station) => _station = station;

    public static TheoryData<int, int> Screens => new() { { 1024, 600 }, { 1280, 800 } };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Every_page_renders_in_chinese_and_is_saved_as_a_screenshot(int width, int height)
    {
        var page = await _station.SignedInPage(width, height);
        var petition = _station.Store.Records(Domain.Records.RecordType.Petition).First().Id;
        foreach (var (name, path) in new[] { ("login", "/login"), ("home", "/"), ("disputes", "/records/dispute"), ("new-dispute", "/records/dispute/new"), ("petition", $"/record/{petition}"), ("indicators", "/indicators"), ("report", "/indicators/report?month=2026-02") })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            Assert.Contains("村级综治中心", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("form[data-logout]").CountAsync()); // signed in: who, and a way out
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, $"{name}-{width}x{height}.png"), FullPage = false });
        }
    }

    [Fact]
    public async Task A_dispute_is_recorded_through_the_form_and_resolved_with_the_buttons()
    {
        var page = await _station.SignedInPage(1280, 800);
        await page.GotoAsync("/");
        var rateBefore = await page.Locator("#resolution-rate").InnerTextAsync();

        await page.GotoAsync("/records/dispute/new");
        await page.SelectOptionAsync("#f-category", "neighbours");
        await page.FillAsync("#f-parties", "2");
        await page.FillAsync("#f-summary", "两户因院墙滴水问题争吵");
        await page.ClickAsync("form[data-api] button[type=submit]");
        await page.WaitForURLAsync("**/record/DS-2026-*");
        var id = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        await Act(page, "assess", async form => await form.Locator("select[data-input=risk]").SelectOptionAsync("green"));
        await Act(page, "assign", async form => await form.Locator("input[data-input=to]").FillAsync("人民调解员王某"));
        await Act(page, "resolve", _ => Task.CompletedTask);

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已化解");
        Assert.Equal("resolved", _station.Store.Find(id)!.Status);
        await page.GotoAsync("/");
        Assert.NotEqual(rateBefore, await page.Locator("#resolution-rate").InnerTextAsync());
    }

    [Fact]
    public async Task A_required_field_left_empty_is_shown_and_nothing_is_stored()
    {
        var page = await _station.SignedInPage(1024, 600);
        var head = _station.Store.Head;
        await page.GotoAsync("/records/petition/new");

        await page.ClickAsync("form[data-api] button[type=submit]");

        Assert.False(await page.Locator("#f-channel").EvaluateAsync<bool>("e => e.checkValidity()"));
        Assert.EndsWith("/records/petition/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(head, _station.Store.Head);
    }

    [Fact]
    public async Task A_record_is_amended_with_a_reason_and_then_voided_and_both_stay_in_its_history()
    {
        var page = await _station.SignedInPage(1280, 800);
        var dispute = _station.Store.Records(Domain.Records.RecordType.Dispute).First(r => !r.Voided);
        await page.GotoAsync($"/record/{dispute.Id}");

        await page.ClickAsync("#amend > summary");
        await page.FillAsync("#a-summary", "更正：两户因院墙滴水问题争吵（补充地点）");
        await page.FillAsync("#amend input[data-input=reason]", "登记时摘要不完整");
        await SubmitAndReload(page, page.Locator("#amend button[type=submit]"));

        var amended = _station.Store.Find(dispute.Id)!;
        Assert.Equal("更正：两户因院墙滴水问题争吵（补充地点）", amended.Text(Domain.Records.FieldKeys.Summary));
        Assert.Equal(dispute.Fields.Count, amended.Fields.Count); // only the summary was sent; nothing else changed
        var last = _station.Store.History(dispute.Id).Last();
        Assert.Equal(("amend", "user:" + KioskStation.Official), (last.Event.Action, last.Event.Actor));
        Assert.Equal(["summary"], last.Event.Fields.Keys);
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("登记时摘要不完整");

        await page.ClickAsync("#void > summary");
        await page.ClickAsync("#void button[type=submit]"); // no reason: refused in the page, nothing sent
        Assert.False(_station.Store.Find(dispute.Id)!.Voided);
        await page.FillAsync("#void input[data-input=reason]", "重复登记");
        await SubmitAndReload(page, page.Locator("#void button[type=submit]"));

        Assert.True(_station.Store.Find(dispute.Id)!.Voided);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已作废");
        Assert.Equal(0, await page.Locator("#amend").CountAsync()); // a voided record takes no more changes
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "voided-1280x800.png") });
    }

    [Fact]
    public async Task The_indicators_page_draws_twelve_months_and_opens_the_printable_report()
    {
        var page = await _station.SignedInPage(1024, 600);
        await page.GotoAsync("/indicators");

        Assert.Equal(12, await page.Locator("#chart-safety svg text.axis[text-anchor=middle]").CountAsync());
        Assert.True(await page.Locator("#chart-safety circle").CountAsync() >= 3); // 2026-01..03 at least
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "indicators-full-1024x600.png"), FullPage = true });
        await page.ClickAsync("#open-report");
        await page.WaitForURLAsync("**/indicators/report?month=2026-02"); // the last complete month

        Assert.Equal(_station.Store.Head.ToString(), await page.Locator("#report-anchor").InnerTextAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("header").IsVisibleAsync()); // printed without the kiosk's tabs
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "monthly-report.pdf"), Format = "A4" });
    }

    private static async Task Act(IPage page, string action, Func<ILocator, Task> fill)
    {
        await page.ClickAsync($"summary[data-action={action}]");
        var form = page.Locator($"form[data-action={action}]");
        await fill(form);
        await SubmitAndReload(page, form.Locator("button[type=submit]"));
    }

    /// <summary>
    /// Submits a record form, waits for the API's answer (the change is in the ledger once it is sent) and for
    /// the record page the kiosk then loads, so the next step never acts on the old page.
    /// </summary>
    private static async Task SubmitAndReload(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.__beforeSubmit = true; }"); // gone once the next page has loaded
        var answer = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(), r => r.Url.Contains("/api/records", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.True(answer.Ok, $"{answer.Url}: {answer.Status} {(answer.Ok ? "" : await answer.TextAsync())}");
        await page.WaitForFunctionAsync("() => !window.__beforeSubmit && document.readyState === 'complete'");
    }
}
