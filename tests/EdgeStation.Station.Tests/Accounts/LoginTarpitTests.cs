using EdgeStation.Station.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>The pause before a 429 of the per-address login limit, on a fake clock: nothing sleeps.</summary>
public sealed class LoginTarpitTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task A_refused_login_is_answered_only_once_the_pause_is_over()
    {
        var tarpit = new LoginTarpit(_clock, Pause, capacity: 4);

        var held = tarpit.HoldAsync(CancellationToken.None);
        Assert.False(held.IsCompleted);
        Assert.Equal(1, tarpit.Held);
        _clock.Advance(Pause - TimeSpan.FromMilliseconds(1));
        Assert.False(held.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await held;

        Assert.Equal(0, tarpit.Held);
    }

    [Fact]
    public async Task Beyond_its_capacity_an_answer_goes_out_at_once_so_many_connections_cannot_make_the_station_hold_without_bound()
    {
        var tarpit = new LoginTarpit(_clock, Pause, capacity: 2);

        var first = tarpit.HoldAsync(CancellationToken.None);
        var second = tarpit.HoldAsync(CancellationToken.None);
        var third = tarpit.HoldAsync(CancellationToken.None);

        Assert.True(third.IsCompletedSuccessfully);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Equal(2, tarpit.Held);
        _clock.Advance(Pause);
        await Task.WhenAll(first, second);
        Assert.Equal(0, tarpit.Held);
        var fourth = tarpit.HoldAsync(CancellationToken.None);
        Assert.False(fourth.IsCompleted); // places come back
        _clock.Advance(Pause);
        await fourth;
    }

    [Fact]
    public async Task A_client_that_goes_away_frees_its_place()
    {
        var tarpit = new LoginTarpit(_clock, Pause, capacity: 1);
        using var gone = new CancellationTokenSource();

        var held = tarpit.HoldAsync(gone.Token);
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
        Assert.Equal(0, tarpit.Held);
    }
}
