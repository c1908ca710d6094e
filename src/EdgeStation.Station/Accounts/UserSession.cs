using EdgeStation.Domain.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>One login: who, their CSRF token, and when (monotonic timestamps of the station's TimeProvider).</summary>
public sealed class UserSession(string key, UserAccess access, string csrfToken, long createdAt)
{
    private long _lastSeen = createdAt;

    /// <summary>SHA-256 of the cookie value: the cookie itself is never kept.</summary>
    public string Key { get; } = key;
    public UserAccess Access { get; } = access;
    public string CsrfToken { get; } = csrfToken;
    public long CreatedAt { get; } = createdAt;
    public long LastSeen => Interlocked.Read(ref _lastSeen);

    public void Touch(long timestamp) => Interlocked.Exchange(ref _lastSeen, timestamp);
}
