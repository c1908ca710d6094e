using System.Net;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>No default account and no default password: a fresh station answers nothing but health without a login.</summary>
public sealed class FreshStationTests : IAsyncLifetime
{
    private ApiStation _station = null!;

    public async Task InitializeAsync() => _station = await ApiStation.StartAsync();

    public async Task DisposeAsync() => await _station.DisposeAsync();

    [Fact]
    public void A_fresh_station_has_no_accounts()
    {
        Assert.Equal(0, _station.Users.Count());
    }

    [Theory]
    [InlineData("GET", "/api/records")]
    [InlineData("GET", "/api/records/DS-2026-0001")]
    [InlineData("POST", "/api/records")]
    [InlineData("POST", "/api/records/DS-2026-0001/transitions")]
    [InlineData("POST", "/api/records/DS-2026-0001/amendments")]
    [InlineData("POST", "/api/records/DS-2026-0001/void")]
    [InlineData("GET", "/api/indicators")]
    [InlineData("GET", "/api/ledger/head")]
    [InlineData("GET", "/api/me")]
    [InlineData("GET", "/api/users")]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("GET", "/metrics")]
    public async Task Every_API_call_is_401_without_a_login(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = ApiStation.Json("""{"type":"grid-event","fields":{"category":"environment"}}""");
        }

        var r = await _station.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, _station.Store.Head.Seq);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("root")]
    public async Task No_name_logs_in_with_an_empty_or_guessable_password(string name)
    {
        foreach (var secret in new[] { name, "password", "123456", "edgestation" })
        {
            var r = await _station.NewClient().PostAsync("/login", ApiStation.Json($$"""{"name":"{{name}}","secret":"{{secret}}"}"""));

            Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
        }
    }
}
