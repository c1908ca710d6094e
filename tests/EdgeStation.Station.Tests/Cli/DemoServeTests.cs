using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>`edgestation demo` without --no-serve: the kiosk on 127.0.0.1 with a login printed beside the URL.</summary>
public partial class DemoServeTests
{
    [GeneratedRegex(@"^open (?<url>http://127\.0\.0\.1:\d+/)  login: (?<name>\S+)  password: (?<password>\S+)$")]
    private static partial Regex OpenLine();

    private sealed record Login(Uri Url, string Name, string Password);

    private static async Task<Login> StartedAsync(ServingCli demo)
    {
        var m = OpenLine().Match(await demo.LineAsync("open "));
        Assert.True(m.Success, $"unexpected line: {demo.Out}");
        return new Login(new Uri(m.Groups["url"].Value), m.Groups["name"].Value, m.Groups["password"].Value);
    }

    private static HttpClient Client(Uri url) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = url };

    [Fact]
    public async Task Demo_serves_the_kiosk_and_the_printed_login_opens_it()
    {
        using var station = new TestStation();
        await using var demo = new ServingCli(station, "demo", "--port", "0");

        var login = await StartedAsync(demo);
        using var client = Client(login.Url);
        var r = await client.PostAsJsonAsync("/login", new { name = login.Name, secret = login.Password });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var home = new HttpRequestMessage(HttpMethod.Get, "/");
        home.Headers.Accept.ParseAdd("text/html");
        var page = await client.SendAsync(home);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-streak=\"noCases\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("无案件", demo.Out.ToString(), StringComparison.Ordinal); // the summary still comes first
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}$", login.Password);
        Assert.Equal(0, await demo.StopAsync());
    }

    [Fact]
    public async Task Every_start_has_a_new_password_and_the_old_one_stops_working()
    {
        using var station = new TestStation();
        Login first;
        await using (var demo = new ServingCli(station, "demo", "--port", "0"))
        {
            first = await StartedAsync(demo);
            Assert.Equal(0, await demo.StopAsync());
        }
        var seqAfterFirst = Seq(station.Head());
        await using var again = new ServingCli(station, "demo", "--port", "0");
        var second = await StartedAsync(again);

        Assert.NotEqual(first.Password, second.Password);
        using var client = Client(second.Url);
        var old = await client.PostAsJsonAsync("/login", new { name = first.Name, secret = first.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        var now = await client.PostAsJsonAsync("/login", new { name = second.Name, secret = second.Password });
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal(0, await again.StopAsync());

        // Each start's password change is one ledger entry, as `users passwd` writes it.
        Assert.Equal(seqAfterFirst + 1, Seq(station.Head()));
        Assert.Contains("intact", station.Ok("records", "verify"), StringComparison.Ordinal);
    }

    private static long Seq(string anchor) => long.Parse(anchor.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Command_line_writes_reach_the_serving_demo_and_name_the_cli_user()
    {
        using var station = new TestStation();
        await using var demo = new ServingCli(station, "demo", "--port", "0");
        await StartedAsync(demo);

        var add = await Task.Run(() => station.Run("records", "add", "case", "--kind", "criminal"));
        var list = await Task.Run(() => station.Run("records", "list"));
        Assert.Equal(0, await demo.StopAsync());

        Assert.True(add.Exit == 0, add.Err);
        var id = add.Out.Trim();
        Assert.True(list.Exit == 0, list.Err); // reads go through the serving demo too (issue 14)
        Assert.Contains(id, list.Out, StringComparison.Ordinal);
        Assert.Contains("cli:tester", station.Ok("records", "show", id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_is_an_environment_error_and_changes_nothing()
    {
        using var station = new TestStation();
        station.Ok("demo", "--no-serve");
        var head = station.Head();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var demo = new ServingCli(station, "demo", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var exit = await demo.Exit;

        Assert.Equal(3, exit);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}", demo.Err.ToString(), StringComparison.Ordinal);
        Assert.Equal(head, station.Head());
    }

    [Fact]
    public async Task A_busy_port_on_first_use_creates_no_demo_station()
    {
        using var station = new TestStation();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var demo = new ServingCli(station, "demo", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var exit = await demo.Exit;

        Assert.Equal(3, exit);
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}", demo.Err.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(station.DataDir)); // no station.db, no access.key, nothing
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    public void A_port_out_of_range_is_a_usage_error(string port)
    {
        using var station = new TestStation();

        var r = station.Run("demo", "--port", port);

        Assert.Equal(2, r.Exit);
        Assert.Contains("--port", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_does_not_serve_a_station_it_did_not_create()
    {
        using var station = new TestStation();
        station.AddDispute();

        var r = station.Run("demo", "--port", "0");

        Assert.Equal(2, r.Exit);
        Assert.Contains("did not create", r.Err, StringComparison.Ordinal);
        Assert.Contains("no accounts yet", station.Ok("users", "list"), StringComparison.Ordinal);
    }
}
