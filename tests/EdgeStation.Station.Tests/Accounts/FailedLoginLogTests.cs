using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>Issue 15: successful logins were logged, failed ones not. Now both are, with the client address, never the secret.</summary>
public sealed class FailedLoginLogTests : IAsyncLifetime
{
    private static readonly LoginClient Lan = new("192.0.2.7", false);
    private readonly LogLines _log = new();
    private ApiStation _station = null!;
    private LoginService _logins = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync();
        await _station.AddUserAsync("wangfang", Role.Official);
        _logins = new LoginService(_station.Users, _station.Clock, new LockoutPolicy(), _log);
    }

    public async Task DisposeAsync()
    {
        _logins.Dispose();
        await _station.DisposeAsync();
    }

    [Fact]
    public async Task Regression_a_wrong_password_is_logged_as_a_warning_with_the_name_and_address()
    {
        await _logins.LoginAsync("wangfang", "wrong-password", Lan, CancellationToken.None);

        var line = Assert.Single(_log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("login failed: wangfang from 192.0.2.7, 1 in a row", line.Message);
    }

    [Fact]
    public async Task A_name_without_an_account_is_logged_without_the_name_it_may_be_a_password()
    {
        await _logins.LoginAsync("平安村委会2027", "x", Lan, CancellationToken.None);

        var line = Assert.Single(_log.Lines);
        Assert.Equal("login failed: (no such account) from 192.0.2.7, 1 in a row", line.Message);
    }

    [Fact]
    public async Task A_console_failure_says_so_and_no_line_holds_the_secret()
    {
        await _logins.LoginAsync("wangfang", "wrong-password", new LoginClient("127.0.0.1", true), CancellationToken.None);
        await _logins.LoginAsync("wangfang", ApiStation.Secret, new LoginClient("127.0.0.1", true), CancellationToken.None);

        Assert.Equal(
            ["login failed: wangfang from 127.0.0.1 (local console), 1 in a row", "login: wangfang (official) from 127.0.0.1"],
            _log.Lines.Select(l => l.Message));
        Assert.DoesNotContain(_log.Lines, l => l.Message.Contains("wrong-password", StringComparison.Ordinal) || l.Message.Contains(ApiStation.Secret, StringComparison.Ordinal));
    }
}
