namespace EdgeStation.Station.Accounts;

/// <summary>What a request's session cookie led to: a live session, one that just ended (and why), or nothing.</summary>
public readonly record struct SessionLookup(UserSession? Session, string? Ended)
{
    public static readonly SessionLookup None = new(null, null);
}
