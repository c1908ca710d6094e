using EdgeStation.Domain.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// The answer to a login attempt. Failed and Locked say the same for every name, existing or not;
/// <see cref="RetryAfter"/> is how long the name is locked (zero when it is not), or for Throttled when to try again.
/// </summary>
public sealed record LoginOutcome(LoginResult Result, UserAccess? Access, TimeSpan RetryAfter)
{
    public static LoginOutcome Success(UserAccess access) => new(LoginResult.Success, access, TimeSpan.Zero);
    public static LoginOutcome Failed(TimeSpan lockedFor) => new(LoginResult.Failed, null, lockedFor);
    public static LoginOutcome Locked(TimeSpan remaining) => new(LoginResult.Locked, null, remaining);
    public static LoginOutcome Throttled(TimeSpan retryAfter) => new(LoginResult.Throttled, null, retryAfter);
}
