using System.Globalization;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Api;

/// <summary>/api/records: the same use cases as `edgestation records`, over HTTP, with problem details on errors.</summary>
public static class RecordEndpoints
{
    /// <summary>Until accounts exist (issue 4, accounts), API writes are recorded as the kiosk.</summary>
    public const string Actor = "kiosk";

    public static void MapRecordEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/records");

        group.MapGet("/", IResult (RecordService service, string? type, string? status) =>
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
            var rows = service.Store.Records(filter).Where(r => !r.Voided && (status is null || r.Status == status));
            return new RecordJsonResult.Stream(rows);
        });

        group.MapGet("/{id}", IResult (RecordService service, string id) =>
            service.Store.Find(id) is { } record
                ? RecordJsonResult.One(record)
                : ApiProblem.For(new RecordNotFoundException(id)));

        group.MapPost("/", async Task<IResult> (HttpContext http, RecordService service) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.CreateRecordRequest);
            if (problem is not null)
            {
                return problem;
            }
            try
            {
                if (!RecordTypeNames.TryParse(body!.Type, out var type))
                {
                    throw new RecordInputException($"'type' must be one of {RecordTypeNames.AllNames} (got '{body.Type}')");
                }
                var result = await service.AddAsync(type, JsonBody.Fields(body.Fields), Actor);
                return RecordJsonResult.One(result.Record!, StatusCodes.Status201Created, $"/api/records/{result.Record!.Id}");
            }
            catch (Exception ex) when (ex is RecordInputException or Storage.StorageEnvironmentException)
            {
                return ApiProblem.For(ex);
            }
        });

        group.MapPost("/{id}/transitions", async Task<IResult> (HttpContext http, RecordService service, string id) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.TransitionRequest);
            if (problem is not null)
            {
                return problem;
            }
            try
            {
                if (string.IsNullOrWhiteSpace(body!.Action))
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
                    Satisfaction = body.Satisfaction,
                    Level = body.Level,
                };
                var result = await service.TransitionAsync(id, body.Action, input, Actor);
                return RecordJsonResult.One(result.Record!);
            }
            catch (Exception ex) when (ex is RecordInputException or Storage.StorageEnvironmentException)
            {
                return ApiProblem.For(ex);
            }
        });

        group.MapPost("/{id}/amendments", async Task<IResult> (HttpContext http, RecordService service, string id) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.AmendRequest);
            if (problem is not null)
            {
                return problem;
            }
            try
            {
                var result = await service.AmendAsync(id, JsonBody.Fields(body!.Fields), body.Reason, Actor);
                return RecordJsonResult.One(result.Record!);
            }
            catch (Exception ex) when (ex is RecordInputException or Storage.StorageEnvironmentException)
            {
                return ApiProblem.For(ex);
            }
        });

        group.MapPost("/{id}/void", async Task<IResult> (HttpContext http, RecordService service, string id) =>
        {
            var (body, problem) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.VoidRequest);
            if (problem is not null)
            {
                return problem;
            }
            try
            {
                var result = await service.VoidAsync(id, body!.Reason, Actor);
                return RecordJsonResult.One(result.Record!);
            }
            catch (Exception ex) when (ex is RecordInputException or Storage.StorageEnvironmentException)
            {
                return ApiProblem.For(ex);
            }
        });

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
            }
            return TypedResults.Json(service.Indicators(day), ApiJsonContext.Default.IndicatorReport);
        });

        app.MapGet("/api/ledger/head", IResult (LedgerStore store) =>
        {
            var head = store.Head;
            return TypedResults.Json(new LedgerHeadResponse(head.Seq, head.Hash, head.ToString()), ApiJsonContext.Default.LedgerHeadResponse);
        });
    }
}
