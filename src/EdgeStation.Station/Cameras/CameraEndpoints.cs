using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Storage;
using EdgeStation.Storage.Cameras;

namespace EdgeStation.Station.Cameras;

/// <summary>
/// The cameras' API. Status and the alert list for every signed-in user: counts, states, times, zone names — nothing that
/// tells who anyone is. A snapshot shows people, so only those who deal with alerts (admin, official, engineer: the
/// <see cref="Permission.AcknowledgeAlarms"/> holders, as for door alarms) see it and acknowledge; acknowledging is kept
/// with who. The command line reaches status, the list and acknowledging with the local token.
/// </summary>
public static class CameraEndpoints
{
    private static readonly AccessRule Read = AccessRule.SignedIn;
    private static readonly AccessRule SeeSnapshot = AccessRule.Requires("see camera snapshots", Permission.AcknowledgeAlarms);
    private static readonly AccessRule Acknowledge = AccessRule.Requires("acknowledge alarms", Permission.AcknowledgeAlarms);

    public static void MapCameras(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cameras", Status).WithMetadata(Read, CliWriteAccess.Allowed);
        app.MapGet("/api/cameras/alerts", List).WithMetadata(Read, CliWriteAccess.Allowed);
        app.MapGet("/api/cameras/alerts/{id}/snapshot", Snapshot).WithMetadata(SeeSnapshot);
        app.MapPost("/api/cameras/alerts/{id}/ack", Ack).WithMetadata(Acknowledge, CliWriteAccess.Allowed);
    }

    public static CameraAlertView View(StoredCameraAlert a) =>
        new(a.Id, a.Camera, a.Kind, a.Detail, a.At, a.SnapshotBytes > 0, a.AcknowledgedBy, a.AcknowledgedAt);

    private static IResult Status(HttpContext http, CameraService cameras)
    {
        try
        {
            var s = cameras.Settings;
            return TypedResults.Json(
                new CamerasAnswer([.. cameras.Runners.Select(r => r.Status)], cameras.Alerts.CountUnacknowledged(), s.RetentionDays, s.MaxAlertBytes / (1024 * 1024), cameras.Alerts.SnapshotBytes()),
                CameraJson.Default.CamerasAnswer);
        }
        catch (StorageEnvironmentException ex)
        {
            return ApiProblem.For(ex, http);
        }
    }

    private static IResult List(HttpContext http, CameraService cameras, string? limit, string? open)
    {
        var n = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 or > 10_000))
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"limit must be 1–10000 (got '{limit}')");
        }

        if (open is not (null or "true" or "false"))
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"open must be true or false (got '{open}')");
        }

        try
        {
            var alerts = cameras.Alerts.List(n, open == "true");
            return TypedResults.Json(new CameraAlertsAnswer([.. alerts.Select(View)], cameras.Alerts.CountUnacknowledged()), CameraJson.Default.CameraAlertsAnswer);
        }
        catch (StorageEnvironmentException ex)
        {
            return ApiProblem.For(ex, http);
        }
    }

    private static IResult Snapshot(CameraService cameras, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || cameras.Alerts.Snapshot(n) is not { } jpeg)
        {
            return ApiProblem.Problem(StatusCodes.Status404NotFound, "no such snapshot", $"alert '{id}' has no snapshot (or it was removed by the retention)");
        }

        return TypedResults.File(jpeg, "image/jpeg");
    }

    private static IResult Ack(HttpContext http, CameraService cameras, TimeProvider time, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return ApiProblem.Problem(StatusCodes.Status404NotFound, "no such alert", $"there is no camera alert '{id}'");
        }

        try
        {
            return cameras.Alerts.Acknowledge(n, http.Actor(), time.GetUtcNow()) switch
            {
                null => ApiProblem.Problem(StatusCodes.Status404NotFound, "no such alert", $"there is no camera alert '{id}'"),
                false => ApiProblem.Problem(StatusCodes.Status409Conflict, "acknowledged already", $"camera alert {n} was acknowledged already"),
                true => TypedResults.Json(new CameraAckAnswer(View(cameras.Alerts.Find(n)!)), CameraJson.Default.CameraAckAnswer),
            };
        }
        catch (StorageEnvironmentException ex)
        {
            return ApiProblem.For(ex, http);
        }
    }
}
