namespace EdgeStation.Center.Accounts;

/// <summary>A township staff account as stored in accounts.json: name (lower case), role name as on the station, PBKDF2 hash.</summary>
public sealed record CenterAccount(string Name, string Role, string PasswordHash);
