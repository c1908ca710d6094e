using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Api;

/// <summary>
/// /api/records: the same use cases as `edgestation records`, over HTTP, with problem details on errors.
/// Every endpoint declares its <see cref="AccessRule"/>; writes are recorded as "user:NAME" (or the CLI's actor when
/// it writes with the local token: <see cref="CliWriteAccess"/>); records leave out
/// their personal fields for users who may not see them (<see cref="UserAccess.CanSeePersonal"/>).
/// </summary>
public static class RecordEndpoints
{
    private static readonly AccessRule Read = AccessRule.Requires("read records", Permission.ReadRecords);
    private static readonly AccessRule Write = AccessRule.Requires("write records", Permission.WriteRecords, Permission.WriteRecordsOwnGrids);

    /// <summary>Records per page of GET /api/records without a limit, and the most a limit may ask for.</summary>
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public static void MapRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/records");

        group.MapGet("/", IResult (HttpContext http, RecordService service, string? type, string? status, string? limit, string? cursor) =>
        {
            RecordType? filter;
            try
            {
                filter = RecordsCommand.ParseType(type);
            }
            catch (UsageException ex)
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", ex.Message);
            }
            var statuses = filter is { } t ? Workflows.For(t).Statuses : RecordTypeNames.All.SelectMany(k => Workflows.For(k).Statuses).Distinct().ToList();
            if (status is not null && !statuses.Contains(status))
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"status must be one of {string.Join(", ", statuses)} (got '{status}')");
            }
            var take = DefaultPageSize;
            if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxPageSize))
            {
                return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"limit must be a whole number from 1 to {MaxPageSize} (got '{limit}')");
            }
            // The matching ids in id order, once per ledger head (from the in-memory summaries); a page is read by
            // index from the cursor's place in them, so page 50 costs what page 1 does.
            var ids = service.Cached($"api.list.{filter}.{status}", DateOnly.MinValue, summaries =>
                summaries.Where(s => !s.Voided && (filter is null || s.Type == filter) && (status is null || s.Status == status))
                    .Select(s => s.Id).Order(StringComparer.Ordinal).ToList());
            var start = 0;
            if (cursor is not null)
            {
                var at = ids.BinarySearch(cursor, StringComparer.Ordinal);
                start = at >= 0 ? at + 1 : ~at; // a cursor whose record was voided since still continues after it
            }
            var page = service.Store.RecordsPage(ids, start, take);
            if (start + page.Count < ids.Count && page.Count > 0)
            {
                KeyValuePair<string, string?>[] next = [new("type", type), new("status", status), new("limit", take.ToString(CultureInfo.InvariantCulture)), new("cursor", page[^1].Id)];
                var query = QueryString.Create(next.Where(p => p.Value is not null));
                http.Response.Headers.Link = $"</api/records{query}>; rel=\"next\"";
            }
            var user = http.Access();
            return new RecordJsonResult.Stream(page, r => Omit(service, user, r));
        }).WithMetadata(Read);

        group.MapGet("/{id}", IResult (HttpContext http, RecordService service, string id) =>
            service.Store.Find(id) is { } record
                ? RecordJsonResult.One(record, Omit(service, http.Access(), record))
                : ApiProblem.For(new RecordNotFoundException(id))).WithMetadata(Read);

        group.MapPost("/", (HttpContext http, RecordService service) =>
            WriteAsync(http, service, ApiJsonContext.Default.CreateRecordRequest, async (body, user, actor, request) =>
            {
                if (!RecordTypeNames.TryParse(body.Type, out var type))
                {
                    throw new RecordInputException($"'type' must be one of {RecordTypeNames.AllNames} (got '{body.Type}')");
                }
                var raw = JsonBody.Fields(body.Fields);
                CheckGridOfNewRecord(user, raw, service.Config.Settings.DefaultGrid);
                return await service.AddAsync(type, raw, actor, request);
            }, created: true)).WithMetadata(Write, CliWriteAccess.Allowed);

        group.MapPost("/{id}/transitions", (HttpContext http, RecordService service, string id) =>
            WriteAsync(http, service, ApiJsonContext.Default.TransitionRequest, (body, user, actor, request) =>
            {
                if (string.IsNullOrWhiteSpace(body.Action))
                {
                    throw new RecordInputException("'action' is required");
                }
                var input = new TransitionInput
                {
                    Note = body.Note,
                    Risk = body.Risk,
                    AssignedTo = body.To,
                    Days = body.Days switch
                    {
                        null => null,
                        { ValueKind: System.Text.Json.JsonValueKind.Number } n => n.GetRawText(),
                        { ValueKind: System.Text.Json.JsonValueKind.String } t => t.GetString(),
                        _ => throw new RecordInputException("'days' must be a number"),
                    },
                    Reason = body.Reason,
                    ApprovedBy = body.ApprovedBy,
                    Satisfaction = body.Satisfaction,
                    Level = body.Level,
                    At = body.At,
                };
                return service.TransitionAsync(id, body.Action, input, actor, GridGuard(user), request);
            })).WithMetadata(Write, CliWriteAccess.Allowed);

        group.MapPost("/{id}/amendments", (HttpContext http, RecordService service, string id) =>
            WriteAsync(http, service, ApiJsonContext.Default.AmendRequest, (body, user, actor, request) =>
            {
                var raw = JsonBody.Fields(body.Fields);
                if (raw.TryGetValue(FieldKeys.Grid, out var newGrid))
                {
                    user.EnsureCanWrite(newGrid.Trim()); // moving a record into a grid is writing there
                }
                return service.AmendAsync(id, raw, body.Reason, actor, GridGuard(user), request);
            })).WithMetadata(Write, CliWriteAccess.Allowed);

        group.MapPost("/{id}/void", (HttpContext http, RecordService service, string id) =>
            WriteAsync(http, service, ApiJsonContext.Default.VoidRequest, (body, user, actor, request) =>
                service.VoidAsync(id, body.Reason, actor, GridGuard(user), request))).WithMetadata(Write, CliWriteAccess.Allowed);

        app.MapGet("/api/indicators", IResult (RecordService service, string? date) =>
        {
            DateOnly? day = null;
            if (date is not null)
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"date must look like 2026-03-15 (got '{date}')");
                }
                day = d;
                var today = service.Today();
                if (Domain.Indicators.IndicatorCalculator.DateProblem(d, service.StationStart(today), today) is { } problem)
                {
                    return ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", problem);
                }
            }
            // The same document as `edgestation indicators --json`: null rates are written, not left out.
            return TypedResults.Json(service.Indicators(day), Output.StationJsonContext.Default.IndicatorReport);
        }).WithMetadata(AccessRule.Requires("read the indicators", Permission.ReadIndicators));

        app.MapGet("/api/ledger/head", IResult (LedgerStore store) =>
        {
            var head = store.Head;
            return TypedResults.Json(new LedgerHeadResponse(head.Seq, head.Hash, head.ToString()), ApiJsonContext.Default.LedgerHeadResponse);
        }).WithMetadata(AccessRule.Requires("read the ledger head", Permission.ReadLedger));
    }

    /// <summary>The personal field keys to leave out of <paramref name="record"/> for <paramref name="user"/>, or null for none.</summary>
    public static IReadOnlySet<string>? Omit(RecordService service, UserAccess user, RecordSnapshot record) =>
        user.CanSeePersonal(record.Text(FieldKeys.Grid)) ? null : service.PersonalKeys;

    /// <summary>
    /// A grid worker's new record goes into their grid: the one given, else their only grid; with several grids
    /// they must say which. Everyone else may name any grid (default: the station's default grid).
    /// </summary>
    /// <summary>
    /// The shape every write shares: read the JSON body (or answer its problem) and its Idempotency-Key, run the
    /// change as the logged-in user, answer the record (redacted for that user) or the problem that stopped it.
    /// A repeated key answers what the first request stored (<see cref="IdempotencyHeader"/>).
    /// </summary>
    private static async Task<IResult> WriteAsync<T>(HttpContext http, RecordService service, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        Func<T, UserAccess, string, IdempotentRequest?, Task<AppendResult>> change, bool created = false)
        where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync(http, type);
        if (problem is not null)
        {
            return problem;
        }
        var actor = http.Actor();
        var (request, keyProblem) = IdempotencyHeader.Read(http, body!, type, actor);
        if (keyProblem is not null)
        {
            return keyProblem;
        }
        var user = http.Access();
        try
        {
            var result = await change(body!, user, actor, request);
            var record = result.Record!;
            if (result.Repeated)
            {
                http.Response.Headers[IdempotencyHeader.ReplayedHeader] = "true";
            }
            return created
                ? RecordJsonResult.One(record, Omit(service, user, record), StatusCodes.Status201Created, $"/api/records/{record.Id}")
                : RecordJsonResult.One(record, Omit(service, user, record));
        }
        catch (Storage.StorageEnvironmentException ex)
        {
            // A refused LiteDB commit leaves the entry in the journal, stored later: the client cannot know, so it retries.
            return ApiProblem.StorageUnavailable(http, ex, request?.Key.Key);
        }
        catch (Exception ex) when (ex is RecordInputException or AccessDeniedException or IdempotencyConflictException)
        {
            return ApiProblem.For(ex, http);
        }
    }

    private static void CheckGridOfNewRecord(UserAccess user, Dictionary<string, string> raw, string defaultGrid)
    {
        if (raw.TryGetValue(FieldKeys.Grid, out var given))
        {
            user.EnsureCanWrite(given.Trim());
            return;
        }
        if (user.Has(Permission.WriteRecords))
        {
            user.EnsureCanWrite(defaultGrid);
            return;
        }
        if (user.Grids.Count != 1)
        {
            throw new RecordInputException($"say which grid: fields.grid is one of {string.Join(", ", user.Grids)}");
        }
        raw[FieldKeys.Grid] = user.Grids[0];
    }

    /// <summary>Checked on the ledger's writer thread against the record as it stands when the change is applied.</summary>
    private static Action<RecordSnapshot> GridGuard(UserAccess user) => record => user.EnsureCanWrite(record.Text(FieldKeys.Grid));
}
