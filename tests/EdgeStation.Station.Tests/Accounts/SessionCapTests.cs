using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Config;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>Issue 15: a global cap of 1,000 sessions let any account log every other out by logging in ~1,000 times.</summary>
public sealed class SessionCapTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero));
    private readonly SessionStore _sessions;

    public SessionCapTests() => _sessions = new SessionStore(_clock, new SessionSettings());

    private static UserAccess User(string name) => new(name, Role.Official, []);

    [Fact]
    public void Regression_logging_in_two_thousand_times_does_not_log_another_account_out()
    {
        var (other, otherCookie) = _sessions.Create(User("wangfang"));
        for (var i = 0; i < 2000; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
            _sessions.Create(User("mallory"));
        }

        Assert.Same(other, _sessions.Resolve(otherCookie).Session);
    }

    [Fact]
    public void An_account_past_its_cap_loses_its_own_least_recently_used_session()
    {
        var cookies = new List<string>();
        for (var i = 0; i < SessionStore.MaxSessionsPerAccount; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            cookies.Add(_sessions.Create(User("wangfang")).Cookie);
        }
        _sessions.Touch(_sessions.Resolve(cookies[0]).Session!); // the first is the most recently used now

        _sessions.Create(User("wangfang"));

        Assert.Equal(SessionStore.MaxSessionsPerAccount, _sessions.Count);
        Assert.NotNull(_sessions.Resolve(cookies[0]).Session);
        Assert.Null(_sessions.Resolve(cookies[1]).Session);
        Assert.All(cookies.Skip(2), c => Assert.NotNull(_sessions.Resolve(c).Session));
    }
}
