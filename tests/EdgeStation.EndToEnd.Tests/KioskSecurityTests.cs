using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Accounts;
using Microsoft.Playwright;

namespace EdgeStation.EndToEnd.Tests;

/// <summary>CSRF, role refusal, lockout and idle logout, seen from a real browser.</summary>
public sealed class KioskSecurityTests : IClassFixture<KioskStation>, IAsyncLifetime
{
    private const string Viewer = "zhaolei";
    private readonly KioskStation _station;

    public KioskSecurityTests(KioskStation station) => _station = station;

    public async Task InitializeAsync()
    {
        if (new UserStore(_station.Store).Find(Viewer) is null)
        {
            await _station.AddUserAsync(Viewer, Role.Viewer);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private const string CreateDispute = """
        async (args) => {
          const r = await fetch(args.url, { method: "POST", credentials: "include", mode: args.mode,
            headers: args.headers, body: JSON.stringify({ type: "dispute", fields: { category: "neighbours", parties: "2" } }) });
          return r.type === "opaque" ? 0 : r.status;
        }
        """;

    [Fact]
    public async Task A_change_sent_without_the_pages_csrf_token_is_refused_and_nothing_is_stored()
    {
        var page = await _station.SignedInPage(1280, 800);
        var head = _station.Store.Head;

        var status = await page.EvaluateAsync<int>(CreateDispute, new { url = "/api/records", mode = "same-origin", headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } });

        Assert.Equal(403, status);
        Assert.Equal(head, _station.Store.Head);
    }

    [Fact]
    public async Task Another_site_cannot_use_the_officials_session_even_with_a_simple_form_post()
    {
        var page = await _station.SignedInPage(1280, 800);
        var head = _station.Store.Head;
        // "localhost" and "127.0.0.1" are different sites to the browser: the session cookie (SameSite=Strict) stays home.
        var otherSite = new UriBuilder(_station.BaseAddress) { Host = "localhost" }.Uri;
        // The attacker's page is its own (served by the browser here), not one of ours: our pages carry a
        // Content-Security-Policy that would stop its script before the station is even asked.
        var attackerPage = new Uri(otherSite, "/another-site").ToString();
        await page.RouteAsync(attackerPage, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = "<!doctype html><html><head><title>another site</title></head><body></body></html>",
        }));
        await page.GotoAsync(attackerPage);
        Assert.Equal("another site", await page.TitleAsync());
        var target = new Uri(_station.BaseAddress, "/api/records").ToString();

        try
        {
            await page.EvaluateAsync<int>(CreateDispute, new { url = target, mode = "no-cors", headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" } });
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("Failed to fetch", StringComparison.Ordinal))
        {
            // The browser itself gave up on the cross-site call: refused too. The head check below is what counts.
        }
        var answer = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync($$"""
            () => {
              const f = document.createElement("form");
              f.method = "POST"; f.action = "{{target}}"; f.enctype = "text/plain";
              const i = document.createElement("input"); i.name = '{"type":"dispute","x":"'; i.value = '"}'; f.appendChild(i);
              document.body.appendChild(f); f.submit();
            }
            """), target);

        Assert.Equal(403, answer.Status); // refused for its Origin, before the (absent) session is even looked at
        Assert.Equal(head, _station.Store.Head);
    }

    [Fact]
    public async Task A_viewer_gets_no_buttons_and_a_forced_change_is_refused_in_chinese()
    {
        var page = await _station.SignedInPage(1024, 600, Viewer);
        var open = _station.Store.Records(RecordType.Dispute).First(r => !r.Voided && r.Status is "reported" or "assessed" or "assigned" or "mediating");
        var head = _station.Store.Head;

        await page.GotoAsync($"/record/{open.Id}");
        Assert.Equal(0, await page.Locator("details.act").CountAsync());
        Assert.DoesNotContain("联系电话", await page.ContentAsync(), StringComparison.Ordinal);

        var response = await page.GotoAsync("/records/dispute/new");
        Assert.Equal(403, response!.Status);
        Assert.Equal("无权访问", await page.Locator("#forbidden").InnerTextAsync());

        // A viewer who builds the form by hand (with a valid CSRF token) is refused by the server.
        await page.GotoAsync($"/record/{open.Id}");
        var status = await page.EvaluateAsync<int>("""
            async (id) => {
              const token = document.querySelector('meta[name="csrf-token"]').content;
              const r = await fetch("/api/records/" + id + "/void", { method: "POST", headers: { "Content-Type": "application/json", "X-CSRF-Token": token }, body: JSON.stringify({ reason: "test" }) });
              return r.status;
            }
            """, open.Id);
        Assert.Equal(403, status);
        Assert.Equal(head, _station.Store.Head);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "viewer-record-1024x600.png") });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_name_and_even_the_right_one_waits_until_the_delay_is_over()
    {
        const string name = "lisi";
        await _station.AddUserAsync(name, Role.GridWorker, "1");
        var page = await _station.NewPage(1024, 600);
        await page.GotoAsync("/login");

        for (var i = 1; i <= 5; i++)
        {
            await page.FillAsync("#login-name", name);
            await page.FillAsync("#login-secret", "wrong-" + i);
            await Submit(page); // one answer at a time: the page clears the password field when each one arrives
            await Assertions.Expect(page.Locator(".error")).ToContainTextAsync(i < 5 ? "用户名或密码错误" : "30 秒后才能再试");
        }
        await page.FillAsync("#login-name", name);
        await page.FillAsync("#login-secret", KioskStation.Secret);
        await Submit(page);
        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("已暂时锁定");
        Assert.EndsWith("/login", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(KioskStation.ScreenshotDir, "locked-1024x600.png") });

        _station.Clock.Advance(TimeSpan.FromSeconds(31));
        await page.FillAsync("#login-secret", KioskStation.Secret);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(_station.BaseAddress.ToString());
    }

    private static async Task Submit(IPage page) =>
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/login", StringComparison.Ordinal) && r.Request.Method == "POST");

    [Fact]
    public async Task A_kiosk_left_alone_logs_itself_out_and_the_server_session_ends_with_it()
    {
        var page = await _station.NewPage(1280, 800);
        await page.Clock.InstallAsync();
        await _station.LogInAsync(page);
        await page.GotoAsync("/records/petition");

        await page.Clock.FastForwardAsync("09:00");
        Assert.EndsWith("/records/petition", page.Url, StringComparison.Ordinal); // 9 minutes: still signed in
        await page.Clock.FastForwardAsync("01:01");
        await page.WaitForURLAsync("**/login?idle=1");

        Assert.True(await page.Locator("#idle-notice").IsVisibleAsync());
        var response = await page.GotoAsync("/records/petition");
        Assert.Contains("/login?next=", response!.Url, StringComparison.Ordinal); // the session is gone on the server too
    }
}
