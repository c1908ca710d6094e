using System.Globalization;
using System.Threading.Channels;
using EdgeStation.Access.Alarms;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Storage;

namespace EdgeStation.Station.Doors;

/// <summary>
/// The doors' API. Door state and alarms for every signed-in user (nothing personal in them; the kiosk banner must
/// reach whoever stands at the kiosk). The event log for officials and admins, and for engineers without who (person
/// and card left out: they see the doors work, not who came in). Acknowledging an alarm for the people on duty
/// (admin, official, engineer; logged with who), not grid workers or viewers. `door simulate` for engineers and
/// admins, its answer without who for engineers. The command line reaches the same routes with the local token, as
/// record writes do (an official's reach).
/// </summary>
public static class DoorEndpoints
{
    private const string Json = "application/json; charset=utf-8";
    private static readonly AccessRule Read = AccessRule.SignedIn;
    private static readonly AccessRule ReadEvents = AccessRule.Requires("read the door event log", Permission.ReadPersonal, Permission.ReadDiagnostics);
    private static readonly AccessRule Simulate = AccessRule.Requires("simulate door hardware", Permission.SimulateDoors);
    private static readonly AccessRule AcknowledgeAlarm = AccessRule.Requires("acknowledge alarms", Permission.AcknowledgeAlarms);

    public static void MapDoors(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/doors", (AccessService access) => TypedResults.Text(DoorJson.Doors(access), Json)).WithMetadata(Read, CliWriteAccess.Allowed);
        app.MapGet("/api/doors/events", Events).WithMetadata(ReadEvents, CliWriteAccess.Allowed);
        app.MapPost("/api/doors/{id}/simulate", SimulateAsync).WithMetadata(Simulate, CliWriteAccess.Allowed);
        app.MapGet("/api/alarms", ListAlarms).WithMetadata(Read, CliWriteAccess.Allowed);
        app.MapPost("/api/alarms/{id}/ack", Acknowledge).WithMetadata(AcknowledgeAlarm, CliWriteAccess.Allowed);
        app.MapGet("/api/alarms/stream", StreamAsync).WithMetadata(Read);
        app.MapDoorControl();
        app.MapDoorStream();
    }

    /// <summary>
    /// The alarms not yet acknowledged; with <c>all=true</c> the acknowledged ones the board still keeps too (the last
    /// 200), with who acknowledged them for those who see personal fields (an account name says who was on duty).
    /// </summary>
    private static IResult ListAlarms(HttpContext http, AccessService access, string? all)
    {
        if (all is not (null or "true" or "false"))
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"all is true or false (got '{all}')");
        }
        var board = access.System.Board;
        return TypedResults.Text(DoorJson.Alarms(all == "true" ? board.All() : board.Unacknowledged(), SeesWho(http)), Json);
    }

    /// <summary>
    /// Server-sent events for the kiosk banner: the unacknowledged alarms now, then again at every change of the alarm
    /// board (pushed within milliseconds of the GPIO edge), and every 15 s as a keep-alive.
    /// </summary>
    private static async Task StreamAsync(HttpContext http, AccessService access, IHostApplicationLifetime lifetime)
    {
        // Ends when the kiosk goes away or the service stops: an open banner must not hold up a stop.
        using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var stop = both.Token;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        void OnChange(Alarm alarm, bool isNew) => changed.Writer.TryWrite(true);
        access.System.Board.Changed += OnChange;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var json = DoorJson.Alarms(access.System.Board.Unacknowledged());
                await http.Response.WriteAsync("data: " + json.Replace("\n", "\ndata: ", StringComparison.Ordinal) + "\n\n", stop);
                await http.Response.Body.FlushAsync(stop);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
                wait.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    await changed.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // Keep-alive: send the list again.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The kiosk went away.
        }
        finally
        {
            access.System.Board.Changed -= OnChange;
        }
    }

    private static IResult Events(HttpContext http, AccessService access, string? limit, string? since, string? door)
    {
        var n = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 or > 10_000))
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"limit must be 1–10000 (got '{limit}')");
        }
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"since must be a date or time such as 2026-03-01 or 2026-03-01T08:00Z (got '{since}')");
            }
            from = s;
        }
        int? doorId = null;
        if (door is not null)
        {
            if (!int.TryParse(door, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || access.System.Door(d) is null)
            {
                return ApiProblem.Problem(StatusCodes.Status404NotFound, "no such door", $"there is no door '{door}'");
            }
            doorId = d;
        }
        try
        {
            return TypedResults.Text(DoorJson.Events(access.Log.Recent(n, from, doorId), SeesWho(http)), Json);
        }
        catch (StorageEnvironmentException ex)
        {
            return ApiProblem.For(ex, http);
        }
    }

    private static async Task<IResult> SimulateAsync(HttpContext http, AccessService access, string id)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.DoorSimulateRequest);
        if (problem is not null)
        {
            return problem;
        }
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var doorId) || access.System.Door(doorId) is not { } controller)
        {
            return ApiProblem.Problem(StatusCodes.Status404NotFound, "no such door",
                $"there is no door '{id}'; doors: {string.Join(", ", access.System.Doors.Select(d => $"{d.Id} {d.Name}"))}");
        }
        if (access.DoorsStopped)
        {
            return ApiProblem.Problem(StatusCodes.Status503ServiceUnavailable, "the doors are stopped", "the service is stopping; the relays are de-energised");
        }
        try
        {
            var attempt = await DoorSimulation.RunAsync(access, doorId, request!, http.RequestAborted);
            return TypedResults.Text(DoorJson.Simulated(doorId, request!.Action!.Trim().ToLowerInvariant(), attempt, controller, SeesWho(http)), Json);
        }
        catch (RecordInputException ex)
        {
            return ApiProblem.For(ex);
        }
    }

    /// <summary>Person and card in events only for those who may see personal fields (the local CLI: an official's reach).</summary>
    private static bool SeesWho(HttpContext http) => http.Access().Has(Permission.ReadPersonal);

    private static IResult Acknowledge(HttpContext http, AccessService access, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var alarmId) || access.System.Acknowledge(alarmId, http.Actor()) is not { } alarm)
        {
            return ApiProblem.Problem(StatusCodes.Status404NotFound, "no such alarm", $"there is no unacknowledged alarm '{id}'");
        }
        return TypedResults.Text(DoorJson.Alarm(alarm), Json);
    }
}
