using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Station.Service;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Support;

/// <summary>
/// A running station for API tests: real LiteDB file in a temp dir, real Kestrel on loopback, fake clock.
/// Accounts are added straight into its store; <see cref="LoginAsync"/> gives an HttpClient with the session
/// cookie and the CSRF header set, as the kiosk UI will have.
/// </summary>
public sealed class ApiStation : IAsyncDisposable
{
    public const string Secret = "平安村委会2026";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    // PBKDF2 at 600,000 iterations costs ~0.2 s: hash each test secret once per run (every login still verifies for real).
    private static readonly ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);
    private readonly List<HttpClient> _clients = [];

    private ApiStation(string dataDir, LedgerStore store, StationConfig config, FakeTimeProvider clock, WebApplication app, Uri address)
    {
        DataDir = dataDir;
        Clock = clock;
        Store = store;
        Config = config;
        App = app;
        Address = address;
        Users = new UserStore(store);
    }

    public string DataDir { get; }
    public LedgerStore Store { get; }
    public StationConfig Config { get; }
    public WebApplication App { get; }
    public Uri Address { get; }
    public UserStore Users { get; }
    /// <summary>The clock the running host reads (wall and monotonic time).</summary>
    public FakeTimeProvider Clock { get; }

    /// <param name="dataDir">Where the database goes (e.g. a small tmpfs); default a fresh temp dir.</param>
    public static async Task<ApiStation> StartAsync(StationConfig? config = null, string? dataDir = null)
    {
        dataDir ??= Directory.CreateTempSubdirectory("edgestation-api-").FullName;
        var clock = new FakeTimeProvider(Start);
        var store = LedgerStore.Open(dataDir, time: clock); // the writer's retry backoff runs on the fake clock too
        config ??= new StationConfig(new StationSettings(), "测试村", null);
        var app = StationHost.Build(store, config, clock, "http://127.0.0.1:0");
        await app.StartAsync();
        var address = app.Urls.First(); // the port Kestrel picked for :0
        return new ApiStation(dataDir, store, config, clock, app, new Uri(address));
    }

    /// <summary>A station for <paramref name="village"/> seeded with the demo data of <paramref name="years"/> (the kiosk page tests' village).</summary>
    public static async Task<ApiStation> StartSeededAsync(string village, params int[] years)
    {
        var station = await StartAsync(new StationConfig(new StationSettings(), village, null));
        var service = new RecordService(station.Store, station.Config, station.Clock);
        foreach (var year in years)
        {
            DemoLoader.Seed(service, village, year, station.Clock.GetUtcNow());
        }
        return station;
    }

    /// <summary>Adds an account directly (what `edgestation users add` does, without the CLI).</summary>
    public async Task<UserAccount> AddUserAsync(string name, Role role, string secret = Secret, params string[] grids)
    {
        new RecordService(Store, Config, Clock).EnsureStation("test", Clock.GetUtcNow());
        var hash = Hashes.GetOrAdd(secret, s => PasswordHasher.Hash(s));
        return await Users.AddAsync(name, role, grids, hash, "cli:test", Clock.GetUtcNow());
    }

    /// <summary>A client with its own cookie jar, not logged in; a 4xx answer that is not a problem detail fails the test.</summary>
    public HttpClient NewClient()
    {
        // Every 4xx any test meets is checked to be a problem detail (or a page the request asked for).
        var client = new HttpClient(new ProblemDetailsCheck(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })) { BaseAddress = Address };
        _clients.Add(client);
        return client;
    }

    /// <summary>Logs in and returns a client that sends the session cookie and the CSRF token with every request.</summary>
    public async Task<HttpClient> LoginAsync(string name, string secret = Secret)
    {
        var client = NewClient();
        var r = await client.PostAsJsonAsync("/login", new { name, secret });
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"login as {name}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        using var me = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Add("X-CSRF-Token", me.RootElement.GetProperty("csrfToken").GetString());
        return client;
    }

    /// <summary>Adds an account with <paramref name="role"/> and logs it in.</summary>
    public async Task<HttpClient> SignedInAsync(string name, Role role, params string[] grids)
    {
        await AddUserAsync(name, role, Secret, grids);
        return await LoginAsync(name);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>
    /// Runs the real CLI in-process on this station's data dir (as USER tester), off the test's thread: a command that
    /// goes through the running service blocks on HTTP that this same process answers.
    /// </summary>
    public Task<CliResult> CliAsync(params string[] args) => CliWithInputAsync("", args);

    /// <summary>As <see cref="CliAsync"/>, with <paramref name="input"/> on standard input (not a terminal).</summary>
    public async Task<CliResult> CliWithInputAsync(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(input);
        var ctx = new CliContext(stdout, stderr, Clock, name => name == "USER" ? "tester" : null) { In = stdin };
        var exit = await Task.Run(() => StationCli.Run(["--data-dir", DataDir, .. args], ctx));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients)
        {
            c.Dispose();
        }
        await App.StopAsync();
        await App.DisposeAsync();
        Store.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
