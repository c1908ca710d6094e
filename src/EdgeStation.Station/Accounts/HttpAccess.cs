using EdgeStation.Domain.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>The session <see cref="AccessMiddleware"/> attached to a request.</summary>
public static class HttpAccess
{
    public static UserSession? UserSession(this HttpContext http) => http.Features.Get<UserSession>();

    /// <summary>The logged-in user; only endpoints whose rule requires a login may ask.</summary>
    public static UserAccess Access(this HttpContext http) =>
        http.UserSession()?.Access ?? throw new InvalidOperationException("no session on this request: the endpoint's AccessRule does not require a login");
}
