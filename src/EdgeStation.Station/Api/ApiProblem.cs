using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Storage;
using Microsoft.AspNetCore.Mvc;

namespace EdgeStation.Station.Api;

/// <summary>Every API error is an RFC 9457 problem-details body with a status that says whose fault it is.</summary>
public static class ApiProblem
{
    public static IResult For(Exception ex) => ex switch
    {
        AccessDeniedException e => Problem(StatusCodes.Status403Forbidden, "not allowed for this role", e.Message),
        RecordNotFoundException e => Problem(StatusCodes.Status404NotFound, "record not found", e.Message),
        IllegalTransitionException e => Problem(StatusCodes.Status409Conflict, "action not allowed now", e.Message),
        RecordInputException e => Problem(StatusCodes.Status400BadRequest, "invalid input", e.Message),
        Storage.Ledger.IdempotencyConflictException e => Problem(StatusCodes.Status422UnprocessableEntity, "idempotency key reused", e.Message),
        StorageEnvironmentException e => Problem(StatusCodes.Status503ServiceUnavailable, "storage unavailable", e.Message),
        _ => throw ex,
    };

    /// <summary>
    /// <see cref="For(Exception)"/>, with the detail in Chinese for the kiosk (it asks with Accept-Language: zh-CN);
    /// programs keep the English detail that names the command line's options.
    /// </summary>
    public static IResult For(Exception ex, HttpContext http)
    {
        if (ex is not RecordInputException || !http.Request.Headers.AcceptLanguage.ToString().StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return For(ex);
        }
        var status = ex switch
        {
            RecordNotFoundException => StatusCodes.Status404NotFound,
            IllegalTransitionException => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var chinese = http.RequestServices.GetRequiredService<Kiosk.ProblemText>().Chinese(ex.Message);
        return Problem(status, "invalid input", chinese);
    }

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Json(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" },
            ApiJsonContext.Default.ProblemDetails,
            contentType: "application/problem+json",
            statusCode: status);
}
