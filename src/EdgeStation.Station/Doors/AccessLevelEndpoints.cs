using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Schedules;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;

namespace EdgeStation.Station.Doors;

/// <summary>
/// Time schedules (时间段) and access levels (门禁权限组 = doors × schedules): list, add, remove. Each change is an
/// <c>access</c> ledger entry with the acting user, checked against the rights the doors decide from and applied only
/// once appended (<see cref="AccessService.ChangeAsync"/>). Nothing personal in them, but they say when which door opens:
/// reading is for officials, admins and engineers; changing is the admin's (and the local command line's).
/// </summary>
public static class AccessLevelEndpoints
{
    private const string Json = "application/json; charset=utf-8";
    private static readonly AccessRule Read = AccessRule.Requires("read access levels and schedules", Permission.ReadPersonal, Permission.ReadDiagnostics);
    private static readonly AccessRule Manage = AccessRule.Requires("change access rights", Permission.ManageAccess);

    public static void MapAccessLevels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/access/schedules", (AccessService access) => TypedResults.Text(Schedules(access), Json)).WithMetadata(Read, CliWriteAccess.Allowed);
        app.MapPost("/api/access/schedules", AddScheduleAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapPost("/api/access/schedules/{id}/remove", RemoveScheduleAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapGet("/api/access/levels", (AccessService access) => TypedResults.Text(Levels(access), Json)).WithMetadata(Read, CliWriteAccess.Allowed);
        app.MapPost("/api/access/levels", AddLevelAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapPost("/api/access/levels/{id}/remove", RemoveLevelAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
    }

    private static async Task<IResult> AddScheduleAsync(HttpContext http, AccessService access)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.ScheduleAddRequest);
        if (problem is not null)
        {
            return problem;
        }
        return await AccessRightsEndpoints.ChangeAsync(http, access, (c, now) =>
            c.AddSchedule(Number(request!.Id, "schedule"), request.Name ?? "", WeeklySchedule.Parse(request.Week ?? ""), Flag(request.Replace), http.Actor(), now));
    }

    private static async Task<IResult> AddLevelAsync(HttpContext http, AccessService access)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.LevelAddRequest);
        if (problem is not null)
        {
            return problem;
        }
        return await AccessRightsEndpoints.ChangeAsync(http, access, (c, now) =>
            c.AddLevel(Number(request!.Id, "level"), request.Name ?? "", AccessRights.LevelDoors(request.Doors ?? ""), Flag(request.Replace), http.Actor(), now));
    }

    private static Task<IResult> RemoveScheduleAsync(HttpContext http, AccessService access, string id) =>
        AccessRightsEndpoints.ChangeAsync(http, access, (c, now) => c.RemoveSchedule(Number(id, "schedule") ?? -1, http.Actor(), now));

    private static Task<IResult> RemoveLevelAsync(HttpContext http, AccessService access, string id) =>
        AccessRightsEndpoints.ChangeAsync(http, access, (c, now) => c.RemoveLevel(Number(id, "level") ?? -1, http.Actor(), now));

    private static int? Number(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new AccessInputException($"a {what} number is a whole number such as 1 (got '{text}')");
    }

    private static bool Flag(string? text) => text?.Trim() switch
    {
        null or "" or "false" => false,
        "true" => true,
        _ => throw new AccessInputException($"replace is \"true\" or \"false\" (got '{text}')"),
    };

    private static string Schedules(AccessService access) => AccessRightsEndpoints.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("schedules");
        foreach (var s in access.System.Rights.Schedules())
        {
            w.WriteStartObject();
            w.WriteNumber("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteString("week", s.Week.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Levels(AccessService access) => AccessRightsEndpoints.Write(w =>
    {
        var rights = access.System.Rights;
        w.WriteStartObject();
        w.WriteStartArray("levels");
        foreach (var l in rights.Levels())
        {
            w.WriteStartObject();
            w.WriteNumber("id", l.Id);
            w.WriteString("name", l.Name);
            w.WriteStartArray("doors");
            foreach (var d in l.Doors)
            {
                w.WriteStartObject();
                w.WriteNumber("door", d.Door);
                w.WriteString("doorName", access.System.Door(d.Door)?.Name ?? "");
                w.WriteNumber("schedule", d.Schedule);
                w.WriteString("scheduleName", rights.Schedule(d.Schedule)?.Name ?? "(removed: opens nothing)");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // How many hold it, not who: the person list is the place for names.
            w.WriteNumber("holders", rights.Persons().Count(p => p.Levels.Contains(l.Id)));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
