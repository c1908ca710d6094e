namespace EdgeStation.Domain.Accounts;

/// <summary>
/// Login lockout per name: the <see cref="Threshold"/>th consecutive failure locks the name for
/// <see cref="FirstDelay"/>, each further failure doubles the delay, up to <see cref="MaxDelay"/>. A success
/// resets it. While locked, attempts are refused without checking the secret and do not count.
/// Defaults: failures 1–4 cost nothing; the 5th locks for 30 s, then 1 min, 2 min, 4 min, 8 min, 15 min (cap), 15 min, …
/// </summary>
public sealed record LockoutPolicy
{
    /// <summary>The consecutive failure that first locks the name.</summary>
    public int Threshold { get; init; } = 5;
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the name is locked after <paramref name="consecutiveFailures"/> failures in a row.</summary>
    public TimeSpan DelayAfter(int consecutiveFailures)
    {
        if (consecutiveFailures < Threshold)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(consecutiveFailures - Threshold, 30); // 2^30 × 30 s is far past any cap
        var delay = FirstDelay * Math.Pow(2, doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    /// <summary>The state after one more failure at <paramref name="now"/>.</summary>
    public LockoutState Failed(LockoutState current, DateTimeOffset now)
    {
        var failures = current.Failures + 1;
        var delay = DelayAfter(failures);
        return new LockoutState(failures, delay > TimeSpan.Zero ? now + delay : null);
    }
}
