namespace EdgeStation.Station.Api;

/// <summary>GET /api/users (admin): one account, never its hash.</summary>
public sealed record UserResponse(string Name, string Role, IReadOnlyList<string> Grids, DateTimeOffset CreatedAt, bool Disabled, int FailedLogins, DateTimeOffset? LockedUntil);
