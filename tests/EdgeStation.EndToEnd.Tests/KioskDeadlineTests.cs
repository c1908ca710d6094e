using EdgeStation.Domain.Records;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using Microsoft.Playwright;

namespace EdgeStation.EndToEnd.Tests;

/// <summary>Deadlines as the officials see them when the (injected) days pass.</summary>
public sealed class KioskDeadlineTests : IClassFixture<KioskStation>
{
    private readonly KioskStation _station;

    public KioskDeadlineTests(KioskStation station) => _station = station;

    [Fact]
    public async Task A_petition_not_accepted_in_time_shows_as_overdue_on_the_home_page()
    {
        var service = new RecordService(_station.Store, new StationConfig(new Domain.Settings.StationSettings(), "杨柳村", null), _station.Clock);
        var petition = service.Add(RecordType.Petition, new Dictionary<string, string>
        {
            ["channel"] = "visit",
            ["persons"] = "1",
            ["summary"] = "反映村道路灯损坏",
        }, "user:" + KioskStation.Official).Record!.Id;
        var page = await _station.SignedInPage(1280, 800);
        var row = page.Locator("#due tr").Filter(new LocatorFilterOptions { HasText = petition });

        Assert.Contains("剩余", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", await row.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        // 信访工作条例 第三十条: accepted or not within 15 days. A month later it is late, and the idle session is gone too.
        _station.Clock.Advance(TimeSpan.FromDays(30));
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login?next=*");
        await _station.LogInAsync(page);
        row = page.Locator("#due tr").Filter(new LocatorFilterOptions { HasText = petition });

        Assert.Contains("逾期", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("overdue", await row.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await page.GotoAsync($"/record/{petition}");
        Assert.True(await page.Locator("p.late").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "overdue-petition-1280x800.png") });
    }
}
