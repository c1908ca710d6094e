using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Config;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Records;
using EdgeStation.Station.Service;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace EdgeStation.EndToEnd.Tests;

/// <summary>
/// A seeded station served on loopback and a real Chromium (Debian's, driven by Playwright) pointed at it.
/// It runs the demo's doors on the simulated chip (hardware/station.example.json, its people and PINs), as
/// `edgestation demo` does. Screenshots go to artifacts/screenshots/ for people to look at.
/// </summary>
public sealed class KioskStation : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Official = "wangfang";
    public const string Secret = "平安村委会2026";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("edgestation-e2e-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero));
    public LedgerStore Store { get; private set; } = null!;
    /// <summary>The doors inside the running service (drive the simulated chip through <see cref="DoorSimulation"/>).</summary>
    public AccessService Access { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotDir { get; } = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install the Debian package 'chromium' (scripts/test.sh does)");
        }
        Store = LedgerStore.Open(_dataDir);
        var config = new StationConfig(new StationSettings(), "杨柳村", null) { Access = DemoDoors.Settings() };
        DemoLoader.Seed(new RecordService(Store, config, Clock), "杨柳村", 2026, Clock.GetUtcNow());
        await new UserStore(Store).AddAsync(Official, Role.Official, [], PasswordHasher.Hash(Secret), "cli:test", Clock.GetUtcNow());
        _app = StationHost.Build(Store, config, Clock, "http://127.0.0.1:0");
        await _app.StartAsync();
        Access = _app.Services.GetRequiredService<AccessService>();
        DemoDoors.Seed(Store, Clock.GetUtcNow(), Access.System.Rights);
        DemoDoors.SetPins(Access);
        BaseAddress = new Uri(_app.Urls.First()); // the port Kestrel picked for :0
        // CI machines are small and shared: give retried assertions the page's patience, not 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async Task<IPage> NewPage(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Adds an account (what `edgestation users add` does) with <see cref="Secret"/>.</summary>
    public async Task AddUserAsync(string name, Role role, params string[] grids) =>
        await new UserStore(Store).AddAsync(name, role, grids, PasswordHasher.Hash(Secret), "cli:test", Clock.GetUtcNow());

    /// <summary>A page logged in through the login form, as an official (or <paramref name="name"/>) would.</summary>
    public async Task<IPage> SignedInPage(int width, int height, string name = Official)
    {
        var page = await NewPage(width, height);
        await LogInAsync(page, name);
        return page;
    }

    /// <summary>Goes to the home page, is sent to the login form, and logs in there.</summary>
    public async Task LogInAsync(IPage page, string name = Official)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/login?next=*");
        await page.FillAsync("#login-name", name);
        await page.FillAsync("#login-secret", Secret);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseAddress.ToString());
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Store?.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeStation.sln")))
            {
                return dir.FullName;
            }
        }
        return Path.GetTempPath();
    }
}
