using EdgeStation.Access.Doors;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Doors;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EdgeStation.EndToEnd.Tests;

/// <summary>
/// The door pages and the one-button alarm in a real Chromium: the door cards follow the doors without a reload, an
/// admin's mode and unlock buttons act on the door, the red banner covers the whole screen until acknowledged and the
/// acknowledgement names who, the event log filters.
/// </summary>
public sealed class DoorKioskTests : IClassFixture<KioskStation>
{
    private readonly KioskStation _station;

    public DoorKioskTests(KioskStation station) => _station = station;

    private void Simulate(int door, string action, string? value = null) =>
        DoorSimulation.Run(_station.Access, door, new DoorSimulateRequest { Action = action, Value = value });

    [Fact]
    public async Task The_door_cards_follow_the_doors_live_and_an_admins_buttons_act_on_them()
    {
        await _station.AddUserAsync("zhaoadmin", Role.Admin);
        var page = await _station.SignedInPage(1280, 800, "zhaoadmin");
        await page.GotoAsync("/doors");
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        var front = page.Locator("section[data-door='1']");
        var archive = page.Locator("section[data-door='2']");
        await Expect(front.Locator("[data-state=lock]")).ToHaveTextAsync("已上锁");

        Simulate(1, "swipe", "12:10001"); // a card at the front door, on the simulated reader
        await Expect(front.Locator("[data-state=lock]")).ToHaveTextAsync("已开锁");
        Simulate(1, "open");
        await Expect(front.Locator("[data-state=contact]")).ToHaveTextAsync("门已打开");
        Simulate(1, "close");
        await Expect(front.Locator("[data-state=lock]")).ToHaveTextAsync("已上锁"); // relocked as it shut

        await archive.Locator("[data-set-mode=lockdown]").ClickAsync();
        await Expect(archive.Locator("[data-state=mode]")).ToHaveTextAsync("封锁");
        Assert.Equal(DoorMode.Lockdown, _station.Access.System.Door(2)!.Mode);
        await archive.Locator("[data-unlock]").ClickAsync(); // refused in lockdown: the page says why
        await Expect(page.Locator("[data-door-error]")).ToContainTextAsync("lockdown");
        await archive.Locator("[data-set-mode=normal]").ClickAsync();
        await Expect(archive.Locator("[data-state=mode]")).ToHaveTextAsync("正常");
        await archive.Locator("[data-unlock]").ClickAsync();
        await Expect(archive.Locator("[data-state=lock]")).ToHaveTextAsync("已开锁");

        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true")); // never reloaded
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "doors-1280x800.png") });
    }

    [Fact]
    public async Task A_one_button_alarm_covers_the_screen_in_red_until_acknowledged_and_the_log_names_who()
    {
        var page = await _station.SignedInPage(1024, 600);
        await page.GotoAsync("/doors");
        await Expect(page.Locator("section[data-door='1']")).ToBeVisibleAsync();

        Simulate(2, "alarm"); // 调解室一键报警
        var banner = page.Locator("#alarm-banner");
        await Expect(banner).ToContainTextAsync("一键报警");
        var box = await banner.BoundingBoxAsync();
        Assert.Equal((0f, 0f, 1024f, 600f), (box!.X, box.Y, box.Width, box.Height));
        Assert.Equal("rgb(198, 40, 40)", await banner.EvaluateAsync<string>("b => getComputedStyle(b).backgroundColor"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "alarm-banner-1024x600.png") });

        await banner.Locator("button").ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);
        var alarm = Assert.Single(_station.Access.System.Board.All(), a => a.Source == "调解室一键报警");
        Assert.Equal("user:" + KioskStation.Official, alarm.AcknowledgedBy);

        await page.GotoAsync("/doors/alarms");
        await Expect(page.Locator($"tr[data-alarm='{alarm.Id}']")).ToContainTextAsync("已确认 · user:" + KioskStation.Official);
    }

    [Fact]
    public async Task The_event_log_is_filtered_by_kind_on_the_page()
    {
        Simulate(1, "swipe", "12:99"); // not enrolled: refused
        Simulate(2, "swipe", "12:98");
        _station.Access.Log.WriteQueued();
        var page = await _station.SignedInPage(1280, 800);
        await page.GotoAsync("/doors/events");

        await page.SelectOptionAsync("select[name=kind]", "Refused");
        await page.SelectOptionAsync("select[name=door]", "1");
        await page.ClickAsync("#event-filter button[type=submit]");
        await page.WaitForURLAsync("**/doors/events?door=1&kind=Refused*");

        var rows = page.Locator("table.door-events tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("未登记的卡");
        await Expect(rows.First).ToContainTextAsync("12:99");
    }
}
