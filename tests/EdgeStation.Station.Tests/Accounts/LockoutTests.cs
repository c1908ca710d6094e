using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Lockout with a growing delay, per name, on the station's injected clock. The attempts come from the network, each
/// from another address (a distributed guesser, which the per-address limit alone does not stop); the local console's
/// own count is tested at the end.
/// </summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];
    private ApiStation _station = null!;
    private int _nextHost = 2;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync();
        await _station.AddUserAsync("wangfang", Role.Official);
    }

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await _station.DisposeAsync();
    }

    private Task<HttpResponseMessage> Login(string name, string secret)
    {
        var client = LanClient.Create(_station.Address, _nextHost++);
        _clients.Add(client);
        return client.PostAsJsonAsync("/login", new { name, secret });
    }

    private Task<HttpResponseMessage> ConsoleLogin(string name, string secret) =>
        _station.NewClient().PostAsJsonAsync("/login", new { name, secret });

    private static int? RetryAfter(HttpResponseMessage r) =>
        r.Headers.RetryAfter?.Delta is { } d ? (int)d.TotalSeconds : null;

    private async Task<List<(HttpStatusCode Status, int? RetryAfter)>> FailTimes(string name, int times)
    {
        var answers = new List<(HttpStatusCode, int?)>();
        for (var i = 0; i < times; i++)
        {
            var r = await Login(name, "wrong-password");
            answers.Add((r.StatusCode, RetryAfter(r)));
        }
        return answers;
    }

    [Fact]
    public async Task The_fifth_failure_locks_the_name_for_thirty_seconds()
    {
        var answers = await FailTimes("wangfang", 5);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Equal([null, null, null, null, 30], answers.Select(a => a.RetryAfter));
    }

    [Fact]
    public async Task While_locked_even_the_right_password_is_refused_with_429()
    {
        await FailTimes("wangfang", 5);
        _station.Clock.Advance(TimeSpan.FromSeconds(29));

        var r = await Login("wangfang", ApiStation.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
        Assert.Equal(1, RetryAfter(r));
        Assert.False(r.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_delay()
    {
        await FailTimes("wangfang", 5);
        _station.Clock.Advance(TimeSpan.FromSeconds(30));

        var sixth = await Login("wangfang", "wrong-password");
        _station.Clock.Advance(TimeSpan.FromSeconds(60));
        var seventh = await Login("wangfang", "wrong-password");

        Assert.Equal(60, RetryAfter(sixth));
        Assert.Equal(120, RetryAfter(seventh));
    }

    [Fact]
    public async Task After_the_delay_the_right_password_logs_in_and_clears_the_count()
    {
        await FailTimes("wangfang", 5);
        _station.Clock.Advance(TimeSpan.FromSeconds(30));

        var r = await Login("wangfang", ApiStation.Secret);

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(LockoutState.Clear, _station.Users.Find("wangfang")!.Lockout);
    }

    [Fact]
    public async Task Attempts_while_locked_do_not_count()
    {
        await FailTimes("wangfang", 5);
        await FailTimes("wangfang", 10); // all refused with 429, unchecked

        Assert.Equal(5, _station.Users.Find("wangfang")!.FailedLogins);
    }

    [Fact]
    public async Task A_name_that_does_not_exist_locks_out_exactly_like_one_that_does()
    {
        var known = await FailTimes("wangfang", 7);
        var unknown = await FailTimes("nobody", 7);

        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task One_locked_name_does_not_lock_another()
    {
        await _station.AddUserAsync("zhaolei", Role.Viewer);
        await FailTimes("wangfang", 5);

        var r = await Login("zhaolei", ApiStation.Secret);

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task The_locked_answer_says_when_to_try_again()
    {
        await FailTimes("wangfang", 5);

        var r = await Login("wangfang", "wrong-password");

        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Contains("try again in 30 s", doc.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_from_the_network_do_not_lock_the_local_console_out()
    {
        await FailTimes("wangfang", 5);

        var fromNetwork = await Login("wangfang", ApiStation.Secret);
        var fromConsole = await ConsoleLogin("wangfang", ApiStation.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromConsole.StatusCode);
        Assert.Equal(5, _station.Users.Find("wangfang")!.FailedLogins); // the network's lockout stays
    }

    [Fact]
    public async Task The_local_console_locks_out_on_its_own_failures_and_leaves_the_network_count_alone()
    {
        for (var i = 0; i < 5; i++)
        {
            await ConsoleLogin("wangfang", "wrong-password");
        }

        var fromConsole = await ConsoleLogin("wangfang", ApiStation.Secret);
        var fromNetwork = await Login("wangfang", ApiStation.Secret);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromConsole.StatusCode);
        Assert.Equal(30, RetryAfter(fromConsole));
        Assert.Equal(HttpStatusCode.OK, fromNetwork.StatusCode);
    }
}
