using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Config;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// Server-side sessions, in memory (a restart logs everyone out). The cookie holds a random 256-bit id; the
/// table is keyed by its SHA-256. A session ends after <see cref="SessionSettings.IdleTimeout"/> without a
/// request or <see cref="SessionSettings.AbsoluteTimeout"/> after login, on the injected monotonic clock.
/// Each account holds at most <see cref="MaxSessionsPerAccount"/>: its next login ends its own least recently used
/// session, never another account's (a global cap let any account log every other out by logging in ~1,000 times).
/// The table is thus bounded by the number of accounts, which only an admin can raise.
/// </summary>
public sealed class SessionStore(TimeProvider time, SessionSettings settings)
{
    public const string CookieName = "es_session";
    /// <summary>Sessions one account may hold at once (the kiosk, a laptop, a phone, a script…).</summary>
    public const int MaxSessionsPerAccount = 10;
    private const int MaxCookieLength = 64;

    private readonly ConcurrentDictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _creating = new();

    public SessionSettings Settings { get; } = settings;

    public int Count => _sessions.Count;

    /// <summary>A new session for <paramref name="access"/>; returns it and the cookie value to send.</summary>
    public (UserSession Session, string Cookie) Create(UserAccess access)
    {
        var cookie = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new UserSession(Key(cookie), access, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), time.GetTimestamp());
        lock (_creating) // two logins of one account at once must not both see room for one more
        {
            Sweep();
            EvictBeyondCap(access.Name);
            _sessions[session.Key] = session;
        }
        return (session, cookie);
    }

    /// <summary>The live session the cookie names; an expired one is removed and reported as ended.</summary>
    public SessionLookup Resolve(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > MaxCookieLength || !_sessions.TryGetValue(Key(cookie), out var session))
        {
            return SessionLookup.None;
        }
        if (EndReason(session, time.GetTimestamp()) is { } reason)
        {
            _sessions.TryRemove(session.Key, out _);
            return new SessionLookup(null, reason);
        }
        return new SessionLookup(session, null);
    }

    /// <summary>Marks activity: the idle timeout counts from now.</summary>
    public void Touch(UserSession session) => session.Touch(time.GetTimestamp());

    public void Remove(UserSession session) => _sessions.TryRemove(session.Key, out _);

    private string? EndReason(UserSession session, long now)
    {
        if (time.GetElapsedTime(session.CreatedAt, now) >= Settings.AbsoluteTimeout)
        {
            return $"the session ended {Settings.AbsoluteTimeout.TotalHours:0.#} hours after login";
        }
        if (time.GetElapsedTime(session.LastSeen, now) >= Settings.IdleTimeout)
        {
            return $"the session ended after {Settings.IdleTimeout.TotalMinutes:0.#} minutes without activity";
        }
        return null;
    }

    private void Sweep()
    {
        var now = time.GetTimestamp();
        foreach (var (key, session) in _sessions)
        {
            if (EndReason(session, now) is not null)
            {
                _sessions.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Makes room for one more session of <paramref name="name"/>: its least recently used ones go.</summary>
    private void EvictBeyondCap(string name)
    {
        var own = _sessions.Values.Where(s => s.Access.Name == name).ToList();
        foreach (var session in own.OrderBy(s => s.LastSeen).Take(own.Count - MaxSessionsPerAccount + 1))
        {
            _sessions.TryRemove(session.Key, out _);
        }
    }

    private static string Key(string cookie) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)));
}
