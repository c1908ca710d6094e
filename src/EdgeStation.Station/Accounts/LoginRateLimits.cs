using System.Globalization;
using System.Threading.RateLimiting;
using EdgeStation.Station.Api;
using EdgeStation.Station.Service;
using Microsoft.AspNetCore.RateLimiting;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// The per-address limit of POST /login (ASP.NET Core's rate limiting middleware, policy <see cref="PolicyName"/>):
/// each client address may try <see cref="Burst"/> logins at once and one more every <see cref="Refill"/>; beyond that
/// it is answered 429 with Retry-After before any password is hashed, so a flood costs the station almost nothing,
/// and that answer is held for a moment (<see cref="LoginTarpit"/>) so that a client sending again at once is paced.
/// The local console (<see cref="LoginClient.IsLocalConsole"/>) is not limited. The per-name limits and the cap on
/// concurrent PBKDF2 runs are in <see cref="LoginService"/>.
/// </summary>
public static class LoginRateLimits
{
    public const string PolicyName = "login";
    public const int Burst = 5;
    public static readonly TimeSpan Refill = TimeSpan.FromSeconds(12);
    /// <summary>The problem title of every "try later" 429 that is not a name's lockout (the kiosk words it apart).</summary>
    public const string TooManyTitle = "too many login attempts";

    public static IServiceCollection AddLoginRateLimits(this IServiceCollection services, TimeProvider time) =>
        services.AddSingleton(new LoginTarpit(TimeProvider.System, LoginTarpit.DefaultPause, LoginTarpit.DefaultCapacity))
        .AddRateLimiter(o =>
        {
            o.AddPolicy(PolicyName, http =>
            {
                var client = LoginClient.From(http.Connection);
                return client.IsLocalConsole
                    ? RateLimitPartition.GetNoLimiter("console")
                    : RateLimitPartition.Get(client.Address, _ => new ClockTokenBucket(time, Burst, Refill));
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancel)
    {
        var http = context.HttpContext;
        http.RequestServices.GetService<StationMetrics>()?.CountLogin(LoginResult.Throttled);
        if (http.RequestServices.GetService<LoginTarpit>() is { } tarpit)
        {
            try
            {
                await tarpit.HoldAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                return; // the client is gone
            }
        }
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? RetryAfterSeconds(retry) : 1;
        http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.Problem(StatusCodes.Status429TooManyRequests, TooManyTitle,
            $"too many login attempts from this address: try again in {wait} s").ExecuteAsync(http);
    }

    /// <summary>Whole seconds, rounded up, at least 1 (a Retry-After of 0 would invite an instant retry).</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
