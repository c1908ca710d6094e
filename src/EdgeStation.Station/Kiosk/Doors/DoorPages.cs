using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Records;
using EdgeStation.Storage;

namespace EdgeStation.Station.Kiosk.Doors;

/// <summary>
/// The kiosk's door pages (门禁, zh-CN, touch): 门禁状态 (live, pushed by /api/doors/stream), 报警记录 (acknowledge), 通行记录
/// (the event log with filters). Roles as the API's: door state and alarms for everyone signed in; unlocking, modes,
/// acknowledging and the log only for who may do them through the API, so a hidden button is never the only guard.
/// </summary>
public static class DoorPages
{
    private static readonly AccessRule ReadEvents = AccessRule.Requires("read the door event log", Permission.ReadPersonal, Permission.ReadDiagnostics);

    public static void MapDoorPages(this IEndpointRouteBuilder app, UiText text)
    {
        var js = KioskEndpoints.ReadAsset("doors.js");
        app.MapGet("/assets/doors.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Text(js, "text/javascript; charset=utf-8");
        }).WithMetadata(AccessRule.SignedIn); // only the signed-in door pages load it: no need to open it to anyone

        app.MapGet("/doors", (HttpContext http, RecordService service, AccessService access) =>
        {
            var user = http.Access();
            var page = new DoorsPage(KioskEndpoints.Layout(http, service, text, text["doors.title"], "nav.doors"), access.System.Doors,
                user.Has(Permission.UnlockDoors), user.Has(Permission.SetDoorMode), ReadEvents.Allows(user));
            return KioskEndpoints.Render(Slices.DoorList.Create(page));
        }).WithMetadata(AccessRule.SignedIn);

        app.MapGet("/doors/alarms", (HttpContext http, RecordService service, AccessService access) =>
        {
            var user = http.Access();
            var page = new DoorAlarmsPage(KioskEndpoints.Layout(http, service, text, text["doors.alarms"], "nav.doors"),
                [.. access.System.Board.All().OrderByDescending(a => a.Id)], user.Has(Permission.ReadPersonal), user.Has(Permission.AcknowledgeAlarms),
                ReadEvents.Allows(user), service.Commands.Time.Zone);
            return KioskEndpoints.Render(Slices.DoorAlarms.Create(page));
        }).WithMetadata(AccessRule.SignedIn);

        app.MapGet("/doors/events", IResult (HttpContext http, RecordService service, AccessService access, string? door, string? kind, string? since, string? limit) =>
        {
            var zone = service.Commands.Time.Zone;
            if (Filter(access, door, kind, since, limit) is not { } filter)
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid filter",
                    $"door is one of {string.Join(", ", access.System.Doors.Select(d => d.Id))}, kind one of {string.Join(", ", Enum.GetNames<AccessEventKind>())}, " +
                    $"since a day such as 2026-03-01, limit 1–{DoorEventFilter.MaxLimit}");
            }
            DateTimeOffset? from = filter.Since is { } day
                ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero)
                : null;
            IReadOnlyList<Storage.Access.StoredAccessEvent> events;
            try
            {
                // A kind is filtered here: read enough lines that the page still fills.
                var read = access.Log.Recent(filter.Kind is null ? filter.Limit : 10_000, from, filter.Door);
                events = [.. read.Where(e => filter.Kind is null || e.Event.Kind == filter.Kind).Take(filter.Limit)];
            }
            catch (StorageEnvironmentException ex)
            {
                return ApiProblem.For(ex, http);
            }
            var page = new DoorEventsPage(KioskEndpoints.Layout(http, service, text, text["doors.events"], "nav.doors"), events, filter, access.System.Doors,
                http.Access().Has(Permission.ReadPersonal), zone);
            return KioskEndpoints.Render(Slices.DoorEvents.Create(page));
        }).WithMetadata(ReadEvents);
    }

    /// <summary>The filters from the query; null when one is malformed (an unknown door or kind, a bad day or limit).</summary>
    private static DoorEventFilter? Filter(AccessService access, string? door, string? kind, string? since, string? limit)
    {
        int? doorId = null;
        if (!string.IsNullOrWhiteSpace(door))
        {
            if (!int.TryParse(door, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || access.System.Door(d) is null)
            {
                return null;
            }
            doorId = d;
        }
        AccessEventKind? k = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<AccessEventKind>(kind, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(kind[0]))
            {
                return null;
            }
            k = parsed;
        }
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (!DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s))
            {
                return null;
            }
            day = s;
        }
        var n = DoorEventFilter.DefaultLimit;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 or > DoorEventFilter.MaxLimit))
        {
            return null;
        }
        return new DoorEventFilter(doorId, k, day, n);
    }
}
