using EdgeStation.Domain.Accounts;

namespace EdgeStation.Domain.Tests.Accounts;

public sealed class LockoutPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);
    private readonly LockoutPolicy _policy = new();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void The_first_four_failures_cost_nothing(int failures)
    {
        Assert.Equal(TimeSpan.Zero, _policy.DelayAfter(failures));
    }

    [Theory]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(8, 240)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(11, 900)]
    [InlineData(1000, 900)]
    public void From_the_fifth_failure_the_delay_doubles_up_to_fifteen_minutes(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), _policy.DelayAfter(failures));
    }

    [Fact]
    public void The_fifth_failure_locks_the_name_for_thirty_seconds_from_now()
    {
        var state = new LockoutState(4, null);

        var next = _policy.Failed(state, Now);

        Assert.Equal(5, next.Failures);
        Assert.Equal(Now.AddSeconds(30), next.LockedUntil);
        Assert.True(next.IsLocked(Now.AddSeconds(29)));
        Assert.False(next.IsLocked(Now.AddSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(12), next.Remaining(Now.AddSeconds(18)));
    }

    [Fact]
    public void A_failure_below_the_threshold_does_not_lock()
    {
        var next = _policy.Failed(LockoutState.Clear, Now);

        Assert.Equal(1, next.Failures);
        Assert.False(next.IsLocked(Now));
    }
}
