using System.Globalization;
using EdgeStation.Access.Doors;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;

namespace EdgeStation.Station.Doors;

/// <summary>
/// Opening a door from afar and changing its mode (远程开门, 封锁/常开): `door unlock` for admins and engineers (installing,
/// letting a visitor in), `door mode` for admins only (lockdown and free passage change who may enter for everyone). Both
/// act on the door at once and are logged in the access event log with who did it. An unknown door, duration or mode is
/// 400 with nothing changed.
/// </summary>
public static class DoorControlEndpoints
{
    private const string Json = "application/json; charset=utf-8";
    public static readonly TimeSpan MaxUnlock = TimeSpan.FromMinutes(10);
    private static readonly AccessRule Unlock = AccessRule.Requires("unlock a door", Permission.UnlockDoors);
    private static readonly AccessRule Mode = AccessRule.Requires("set a door's mode", Permission.SetDoorMode);

    public static void MapDoorControl(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/doors/{id}/unlock", UnlockAsync).WithMetadata(Unlock, CliWriteAccess.Allowed);
        app.MapPost("/api/doors/{id}/mode", SetModeAsync).WithMetadata(Mode, CliWriteAccess.Allowed);
    }

    private static async Task<IResult> UnlockAsync(HttpContext http, AccessService access, string id)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.DoorUnlockRequest);
        if (problem is not null)
        {
            return problem;
        }
        if (Door(access, id) is not { } door)
        {
            return UnknownDoor(access, id);
        }
        TimeSpan duration;
        if (string.IsNullOrWhiteSpace(request!.For))
        {
            duration = door.Settings.Pulse;
        }
        else if (ParseDuration(request.For) is { } d && d >= TimeSpan.FromSeconds(1) && d <= MaxUnlock)
        {
            duration = d;
        }
        else
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input",
                $"for how long is 1s–{MaxUnlock.TotalMinutes:0}m, written like 5s, 90s or 2m (got '{request.For}'); for longer, door mode --door {door.Id} free");
        }
        if (access.DoorsStopped)
        {
            return Stopped();
        }
        if (!door.Unlock(duration, http.Actor()))
        {
            return ApiProblem.Problem(StatusCodes.Status409Conflict, "the door is in lockdown",
                $"door {door.Id} {door.Name} is in lockdown and stays locked (the refusal is logged); door mode --door {door.Id} normal first");
        }
        return TypedResults.Text(DoorJson.Door(door), Json);
    }

    private static async Task<IResult> SetModeAsync(HttpContext http, AccessService access, string id)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.DoorModeRequest);
        if (problem is not null)
        {
            return problem;
        }
        if (Door(access, id) is not { } door)
        {
            return UnknownDoor(access, id);
        }
        DoorMode? mode = request!.Mode?.Trim().ToLowerInvariant() switch
        {
            "normal" => DoorMode.Normal,
            "lockdown" => DoorMode.Lockdown,
            "free" => DoorMode.FreePassage,
            _ => null,
        };
        if (mode is null)
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"a door's mode is normal, lockdown or free (got '{request.Mode}')");
        }
        if (access.DoorsStopped)
        {
            return Stopped();
        }
        if (access.SetMode(door, mode.Value, http.Actor()) is { } notKept)
        {
            // The mode is in force; only its survival of a restart failed (a full disk): say so, do not pretend it failed.
            return TypedResults.Text(DoorJson.Door(door, $"the mode holds now but was not saved for a restart: {notKept}"), Json);
        }
        return TypedResults.Text(DoorJson.Door(door), Json);
    }

    /// <summary>"5s", "90s", "2m", or bare seconds ("5"); null when it is none of these.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var unit = t.Length > 0 && t[^1] is 's' or 'm' ? t[^1] : 's';
        var number = t.Length > 0 && t[^1] is 's' or 'm' ? t[..^1] : t;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
        {
            return null;
        }
        return unit == 'm' ? TimeSpan.FromMinutes(n) : TimeSpan.FromSeconds(n);
    }

    private static DoorController? Door(AccessService access, string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? access.System.Door(n) : null;

    private static IResult UnknownDoor(AccessService access, string id) =>
        ApiProblem.Problem(StatusCodes.Status400BadRequest, "no such door", access.System.Doors.Count == 0
            ? "this station has no doors configured (station.json \"access.doors\")"
            : $"there is no door '{id}'; doors: {string.Join(", ", access.System.Doors.Select(d => $"{d.Id} {d.Name}"))}");

    private static IResult Stopped() =>
        ApiProblem.Problem(StatusCodes.Status503ServiceUnavailable, "the doors are stopped", "the service is stopping; the relays are de-energised");
}
