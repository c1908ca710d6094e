using System.Net;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Config;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>Idle logout and the absolute session limit, by advancing the station's fake clock.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync();
        _client = await _station.SignedInAsync("wangfang", Role.Official);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    [Fact]
    public async Task A_session_idle_for_ten_minutes_is_logged_out()
    {
        _station.Clock.Advance(TimeSpan.FromMinutes(10));

        var r = await _client.GetAsync("/api/records");

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Contains("10 minutes without activity", doc.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_restarts_the_idle_timeout()
    {
        _station.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/records")).StatusCode);
        _station.Clock.Advance(TimeSpan.FromMinutes(9));

        var r = await _client.GetAsync("/api/records");

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task Background_refreshes_do_not_keep_an_idle_session_alive()
    {
        _station.Clock.Advance(TimeSpan.FromMinutes(9));
        using var poll = new HttpRequestMessage(HttpMethod.Get, "/api/indicators");
        poll.Headers.Add("X-Background", "1");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(poll)).StatusCode);
        _station.Clock.Advance(TimeSpan.FromMinutes(1));

        var r = await _client.GetAsync("/api/records");

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Fact]
    public async Task A_busy_session_still_ends_twelve_hours_after_login()
    {
        for (var i = 0; i < 79; i++) // a request every 9 minutes: 11 h 51 min of activity
        {
            _station.Clock.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/me")).StatusCode);
        }
        _station.Clock.Advance(TimeSpan.FromMinutes(9));

        var r = await _client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Contains("12 hours after login", doc.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_session_clears_its_cookie()
    {
        _station.Clock.Advance(TimeSpan.FromMinutes(10));

        var r = await _client.GetAsync("/api/me");

        Assert.Contains(r.Headers.GetValues("Set-Cookie"), c => c.StartsWith("es_session=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_idle_timeout_comes_from_station_json()
    {
        var config = StationConfigLoader.Parse("""{"sessions":{"idleMinutes":3}}""", "station.json");
        await using var station = await ApiStation.StartAsync(config);
        var client = await station.SignedInAsync("wangfang", Role.Official);
        station.Clock.Advance(TimeSpan.FromMinutes(3));

        var r = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }
}
