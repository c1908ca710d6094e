namespace EdgeStation.Domain.Accounts;

/// <summary>An account as stored. The password/PIN is kept only as a <see cref="PasswordHasher"/> hash.</summary>
public sealed record UserAccount
{
    /// <summary>Normalized (<see cref="UserNames.Normalize"/>): the key, and what the ledger records as "user:NAME".</summary>
    public required string Name { get; init; }
    public required Role Role { get; init; }
    /// <summary>The grids (网格) of a grid worker; empty for every other role.</summary>
    public IReadOnlyList<string> Grids { get; init; } = [];
    public required string PasswordHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Disabled { get; init; }
    /// <summary>Consecutive failed logins since the last success (<see cref="LockoutPolicy"/>).</summary>
    public int FailedLogins { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }

    public UserAccess Access => new(Name, Role, Grids);

    public LockoutState Lockout => new(FailedLogins, LockedUntil);
}
