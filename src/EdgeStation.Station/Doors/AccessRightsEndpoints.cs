using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Storage;

namespace EdgeStation.Station.Doors;

/// <summary>
/// Who may open which door (门禁授权): persons and their cards. Each change is an <c>access</c> ledger entry with the
/// acting user (<see cref="AccessService.ChangeAsync"/>), so an auditor sees who gave whom access and when. Changing
/// is the admin's (and the local command line's); the list names people, so it needs personal-field permission.
/// </summary>
public static class AccessRightsEndpoints
{
    private const string Json = "application/json; charset=utf-8";
    private static readonly AccessRule ReadPersons = AccessRule.Requires("read who may open the doors", Permission.ReadPersonal);
    private static readonly AccessRule Manage = AccessRule.Requires("change access rights", Permission.ManageAccess);

    public static void MapAccessRights(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/access/persons", (AccessService access) => TypedResults.Text(Persons(access), Json)).WithMetadata(ReadPersons, CliWriteAccess.Allowed);
        app.MapPost("/api/access/persons", AddPersonAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapPost("/api/access/persons/{id}/remove", RemovePersonAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapPost("/api/access/persons/{id}/pin", SetPinAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapGet("/api/access/cards", Cards).WithMetadata(ReadPersons, CliWriteAccess.Allowed);
        app.MapPost("/api/access/cards", AddCardAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapPost("/api/access/cards/{card}/remove", RemoveCardAsync).WithMetadata(Manage, CliWriteAccess.Allowed);
        app.MapAccessLevels();
    }

    private static async Task<IResult> AddPersonAsync(HttpContext http, AccessService access)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.PersonAddRequest);
        if (problem is not null)
        {
            return problem;
        }
        return await ChangeAsync(http, access, (c, now) =>
            c.AddPerson(request!.Name ?? "", Day(request.From, "from"), Day(request.Until, "until"), Levels(request.Levels), firstIn: false, http.Actor(), now));
    }

    private static Task<IResult> RemovePersonAsync(HttpContext http, AccessService access, string id) =>
        ChangeAsync(http, access, (c, now) => c.RemovePerson(id, http.Actor(), now));

    private static Task<IResult> RemoveCardAsync(HttpContext http, AccessService access, string card) =>
        ChangeAsync(http, access, (c, now) => c.RemoveCard(CardId.Parse(card), http.Actor(), now));

    private static async Task<IResult> SetPinAsync(HttpContext http, AccessService access, string id)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.PinSetRequest);
        if (problem is not null)
        {
            return problem;
        }
        var duress = request!.Duress?.Trim() switch
        {
            null or "" or "false" => false,
            "true" => true,
            _ => (bool?)null,
        };
        if (duress is null)
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"duress is \"true\" or \"false\" (got '{request.Duress}')");
        }
        return await ChangeAsync(http, () => access.SetPinAsync(id, request.Pin ?? "", duress.Value, http.Actor()));
    }

    /// <summary>The cards and their holders (one person's with <c>person</c>): card numbers lead to people, so personal-field permission.</summary>
    private static IResult Cards(AccessService access, string? person)
    {
        var rights = access.System.Rights;
        IReadOnlyList<Domain.Doors.AccessPerson> persons;
        if (person is not null)
        {
            if (rights.Person(person.Trim()) is not { } p)
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"there is no person '{person}' (edgestation person list)");
            }
            persons = [p];
        }
        else
        {
            persons = rights.Persons();
        }
        return TypedResults.Text(Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("cards");
            foreach (var (card, holder) in persons.SelectMany(p => rights.CardsOf(p.Id).Select(c => (c, p))).OrderBy(x => x.c.Text, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("card", card.Text);
                w.WriteString("person", holder.Id);
                w.WriteString("name", holder.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }), Json);
    }

    private static async Task<IResult> AddCardAsync(HttpContext http, AccessService access)
    {
        var (request, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.CardAddRequest);
        if (problem is not null)
        {
            return problem;
        }
        return await ChangeAsync(http, access, (c, now) => c.AddCard(request!.Person ?? "", CardId.Parse(request.Card ?? ""), http.Actor(), now));
    }

    /// <summary>The change's entry as JSON (what it recorded; never a secret), or 400 naming what is wrong, nothing changed.</summary>
    internal static Task<IResult> ChangeAsync(HttpContext http, AccessService access, Func<AccessCommands, DateTimeOffset, Domain.Records.RecordEvent> build) =>
        ChangeAsync(http, () => access.ChangeAsync(build));

    private static async Task<IResult> ChangeAsync(HttpContext http, Func<Task<Domain.Records.RecordEvent>> change)
    {
        try
        {
            var e = await change();
            return TypedResults.Text(Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("entry", e.RecordId);
                w.WriteString("change", e.Action);
                foreach (var (key, value) in e.Fields)
                {
                    if (value.IsNumber)
                    {
                        w.WriteNumber(key, value.Number);
                    }
                    else
                    {
                        w.WriteString(key, value.Text);
                    }
                }
                w.WriteEndObject();
            }), Json);
        }
        catch (AccessInputException ex)
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", ex.Message);
        }
        catch (Domain.Schedules.ScheduleInputException ex)
        {
            return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", ex.Message);
        }
        catch (StorageEnvironmentException ex)
        {
            return ApiProblem.For(ex, http);
        }
    }

    private static string Persons(AccessService access)
    {
        var rights = access.System.Rights;
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("persons");
            foreach (var p in rights.Persons())
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("name", p.Name);
                if (p.ValidFrom is { } from)
                {
                    w.WriteString("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                if (p.ValidUntil is { } until)
                {
                    w.WriteString("until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                w.WriteStartArray("levels");
                foreach (var l in p.Levels)
                {
                    w.WriteNumberValue(l);
                }
                w.WriteEndArray();
                w.WriteStartArray("cards");
                foreach (var c in rights.CardsOf(p.Id))
                {
                    w.WriteStringValue(c.Text);
                }
                w.WriteEndArray();
                w.WriteBoolean("pin", rights.HasPin(p.Id, duress: false));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static DateOnly? Day(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new AccessInputException($"--{what} must be a day such as 2026-03-01 (got '{text}')");
    }

    private static int[] Levels(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return [.. text.Split(',', StringSplitOptions.TrimEntries).Select(t =>
            int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new AccessInputException($"an access level is a number (got '{t}')"))];
    }

    internal static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Output.RecordJson.Options))
        {
            body(w);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
