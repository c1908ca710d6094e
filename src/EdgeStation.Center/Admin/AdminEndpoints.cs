using System.Security.Cryptography;
using System.Text;
using EdgeStation.Center.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeStation.Center.Admin;

/// <summary>
/// The local admin endpoint, so the command line works while the center runs (it holds center.db): plain HTTP on
/// loopback only, every request with the token from run/admin.json. Never served on the stations' TLS port.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, string token)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Features.Get<ITlsHandshakeFeature>() is not null || !Authorized(http.Request, token))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found");
            }
            try
            {
                return await next(context);
            }
            catch (UsageException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "bad request", detail: e.Message);
            }
        });
        admin.MapGet("/ping", () => Results.Ok());
        admin.MapGet("/stations", (int? staleHours, CenterAdmin a) => Results.Json(a.Stations(staleHours is { } h ? TimeSpan.FromHours(h) : null), CenterJson.Options));
        admin.MapGet("/alerts", (bool? all, CenterAdmin a) => Results.Json(a.Alerts(all ?? false), CenterJson.Options));
        admin.MapPost("/alerts/{id:long}/resolve", (long id, ResolveRequest body, CenterAdmin a) =>
            a.Resolve(id, body.By) is { } alert ? Results.Json(alert, CenterJson.Options) : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "not found", detail: $"no alert {id} ('alerts list --all' shows them)"));
        admin.MapPost("/enroll", (EnrollRequest body, CenterAdmin a) => Results.Json(a.Enroll(body.Station, body.Name, body.Endpoint), CenterJson.Options));
        admin.MapGet("/anchor", (string station, ulong seq, string hash, CenterAdmin a) => Results.Json(a.CheckAnchor(station, seq, hash), CenterJson.Options));
        admin.MapPost("/revoke", (RevokeRequest body, CenterAdmin a) => Results.Json(new RevokeResponse(a.Revoke(body.Station)), CenterJson.Options));
    }

    private static bool Authorized(HttpRequest request, string token)
    {
        var given = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        return given.StartsWith(Prefix, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[Prefix.Length..]), Encoding.UTF8.GetBytes(token));
    }
}
