namespace EdgeStation.Domain.Accounts;

/// <summary>Consecutive failed logins of one name and, once past the threshold, until when it is refused.</summary>
public sealed record LockoutState(int Failures, DateTimeOffset? LockedUntil)
{
    public static readonly LockoutState Clear = new(0, null);

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>How long until the next attempt is heard (zero when not locked).</summary>
    public TimeSpan Remaining(DateTimeOffset now) => LockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;
}
