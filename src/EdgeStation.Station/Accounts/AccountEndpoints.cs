using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Station.Service;
using EdgeStation.Storage.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>POST /login, POST /logout, GET /api/me, GET /api/users (admin).</summary>
public static class AccountEndpoints
{
    public const int MaxNameLength = 64;
    public const int MaxSecretLength = 256;

    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/login", LoginAsync).WithMetadata(AccessRule.Login).RequireRateLimiting(LoginRateLimits.PolicyName);

        app.MapPost("/logout", IResult (HttpContext http, SessionStore sessions) =>
        {
            if (http.UserSession() is { } session)
            {
                sessions.Remove(session);
            }
            AccessMiddleware.ClearCookie(http);
            return TypedResults.NoContent();
        }).WithMetadata(AccessRule.Public);

        app.MapGet("/api/me", IResult (HttpContext http, SessionStore sessions) => Me(http.UserSession()!, sessions))
            .WithMetadata(AccessRule.SignedIn);

        app.MapGet("/api/users", IResult (UserStore users) =>
            TypedResults.Json(
                users.All().Select(u => new UserResponse(u.Name, RoleNames.Name(u.Role), u.Grids, u.CreatedAt, u.Disabled, u.FailedLogins, u.LockedUntil)).ToList(),
                ApiJsonContext.Default.ListUserResponse))
            .WithMetadata(AccessRule.Requires("manage accounts", Permission.ManageUsers));
    }

    private static async Task<IResult> LoginAsync(HttpContext http, LoginService logins, SessionStore sessions, StationMetrics metrics)
    {
        string? name;
        string? secret;
        if (http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                (name, secret) = (form["name"], form["secret"]);
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", "the form could not be read");
            }
        }
        else
        {
            var (body, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.LoginRequest);
            if (problem is not null)
            {
                return problem;
            }
            (name, secret) = (body!.Name, body.Secret);
        }
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(secret) || name.Length > MaxNameLength || secret.Length > MaxSecretLength)
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input",
                $"send 'name' (up to {MaxNameLength} characters) and 'secret', the password or PIN (up to {MaxSecretLength})");
        }

        var outcome = await logins.LoginAsync(name, secret, LoginClient.From(http.Connection), http.RequestAborted);
        metrics.CountLogin(outcome.Result);
        var wait = (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds);
        if (wait > 0)
        {
            http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        }
        switch (outcome.Result)
        {
            case LoginResult.Locked:
                return ApiProblem.Problem(StatusCodes.Status429TooManyRequests, "too many failed logins",
                    $"this name is locked after {logins.Policy.Threshold} or more failed attempts in a row: try again in {wait} s");
            case LoginResult.Throttled:
                return ApiProblem.Problem(StatusCodes.Status429TooManyRequests, LoginRateLimits.TooManyTitle,
                    $"the station is busy checking other logins: try again in {wait} s");
            case LoginResult.Failed:
                return ApiProblem.Problem(StatusCodes.Status401Unauthorized, "login failed",
                    "the name or the password/PIN is wrong" + (wait > 0 ? $"; too many failed attempts: the next try is possible in {wait} s" : ""));
        }

        if (http.UserSession() is { } old)
        {
            sessions.Remove(old); // a new id at every login: no session fixation
        }
        var (session, cookie) = sessions.Create(outcome.Access!);
        http.Response.Cookies.Append(SessionStore.CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return Me(session, sessions);
    }

    private static IResult Me(UserSession session, SessionStore sessions)
    {
        var user = session.Access;
        return TypedResults.Json(
            new MeResponse(user.Name, RoleNames.Name(user.Role), user.Grids, session.CsrfToken, (int)sessions.Settings.IdleTimeout.TotalSeconds),
            ApiJsonContext.Default.MeResponse);
    }
}
