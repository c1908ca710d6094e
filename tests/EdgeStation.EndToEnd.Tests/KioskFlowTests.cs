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
        foreach (var (name, path) in new[] { ("login", "/login"), ("home", "/"), ("disputes", "/records/dispute"), ("new-dispute", "/records/dispute/new"), ("petition", $"/record/{petition}") })
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

        Assert.Equal("已化解", await page.Locator("#status").InnerTextAsync());
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

    private static async Task Act(IPage page, string action, Func<ILocator, Task> fill)
    {
        await page.ClickAsync($"summary[data-action={action}]");
        var form = page.Locator($"form[data-action={action}]");
        await fill(form);
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
