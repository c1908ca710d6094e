using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Cameras;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Station.Service;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Cameras;
using EdgeStation.Storage.Ledger;
using EdgeStation.Vision.Frames;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace EdgeStation.EndToEnd.Tests;

/// <summary>
/// The kiosk's camera page in a real Chromium against a station running the demo's camera (the shipped clip, no zone) and holding
/// two alerts from before its start, one with a real JPEG snapshot of the clip (made with ffmpeg).
/// </summary>
public sealed class KioskCameraTests : IAsyncLifetime
{
    private const string Official = "wangfang";
    private const string Viewer = "zhaolei";
    private const string Secret = "平安村委会2026";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("edgestation-e2e-cam-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser _browser = null!;
    private LedgerStore _store = null!;
    private long _loiter;

    public async Task InitializeAsync()
    {
        _store = LedgerStore.Open(_dataDir);
        var config = new StationConfig(new StationSettings(), "杨柳村", null);
        // The demo's camera without its zone: it runs, but raises no alert of its own while the test counts them.
        config = config with { Cameras = config.Cameras with { Cameras = [new CameraDefinition(DemoCameras.Name, DemoCameras.Clip, true, 5, [], [])] } };
        DemoLoader.Seed(new RecordService(_store, config, _clock), "杨柳村", 2026, _clock.GetUtcNow());
        await new UserStore(_store).AddAsync(Official, Role.Official, [], PasswordHasher.Hash(Secret), "cli:test", _clock.GetUtcNow());
        await new UserStore(_store).AddAsync(Viewer, Role.Viewer, [], PasswordHasher.Hash(Secret), "cli:test", _clock.GetUtcNow());
        var frame = new Frame(0, TimeSpan.Zero, 64, 48, PixelLayout.Bgr24, [.. Enumerable.Range(0, 64 * 48 * 3).Select(i => (byte)(i % 251))]);
        var jpeg = await JpegEncoder.EncodeAsync(frame);
        using (var alerts = new CameraAlertStore(_dataDir, TimeSpan.FromDays(30), 1_000_000))
        {
            alerts.Add(DemoCameras.Name, "tamper", "stream-lost", _clock.GetUtcNow().AddMinutes(-10), null);
            _loiter = alerts.Add(DemoCameras.Name, "loiter", "路面", _clock.GetUtcNow().AddMinutes(-5), jpeg).Id;
        }

        _app = StationHost.Build(_store, config, _clock, "http://127.0.0.1:0");
        await _app.StartAsync();
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = KioskStation.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(KioskStation.ScreenshotDir);
    }

    [Fact]
    public async Task The_camera_page_shows_the_camera_and_an_official_acknowledges_an_alert_with_its_snapshot()
    {
        var page = await SignedInPage(Official);

        var response = await page.GotoAsync("/cameras");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("[data-camera='广场'] h2")).ToHaveTextAsync("广场");
        await Assertions.Expect(page.Locator("#unacknowledged")).ToContainTextAsync("2 条未确认");
        var row = page.Locator($"tr[data-alert='{_loiter}']");
        await Assertions.Expect(row).ToContainTextAsync("区域徘徊 路面");
        await Assertions.Expect(row.Locator("img.snapshot")).ToHaveJSPropertyAsync("naturalWidth", 64);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "cameras-1280x800.png") });

        await row.Locator("button[data-ack]").ClickAsync();

        await Assertions.Expect(page.Locator($"tr[data-alert='{_loiter}']")).ToContainTextAsync($"{Official} 已确认");
        await Assertions.Expect(page.Locator("#unacknowledged")).ToContainTextAsync("1 条未确认");
        await Assertions.Expect(page.Locator("tr[data-alert] >> text=视频中断")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_viewer_sees_the_alerts_but_neither_snapshots_nor_the_acknowledge_button()
    {
        var page = await SignedInPage(Viewer);

        await page.GotoAsync("/cameras");

        await Assertions.Expect(page.Locator($"tr[data-alert='{_loiter}']")).ToContainTextAsync("请值班干部确认");
        Assert.Equal(0, await page.Locator("img.snapshot").CountAsync());
        Assert.Equal(0, await page.Locator("button[data-ack]").CountAsync());
        var snapshot = await page.APIRequest.GetAsync($"/api/cameras/alerts/{_loiter}/snapshot");
        Assert.Equal(403, snapshot.Status);
    }

    public async Task DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _store.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private async Task<IPage> SignedInPage(string name)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = _app!.Urls.First(),
            Locale = "zh-CN",
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login?next=*");
        await page.FillAsync("#login-name", name);
        await page.FillAsync("#login-secret", Secret);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(_app.Urls.First().TrimEnd('/') + "/");
        return page;
    }
}
