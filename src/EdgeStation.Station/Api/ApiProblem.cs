using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Storage;
using Microsoft.AspNetCore.Mvc;

namespace EdgeStation.Station.Api;

/// <summary>Every API error is an RFC 9457 problem-details body with a status that says whose fault it is.</summary>
public static class ApiProblem
{
    public static IResult For(Exception ex)
    {
        var (status, title) = Kind(ex);
        return Problem(status, title, ex.Message);
    }

    /// <summary>
    /// <see cref="For(Exception)"/>, with the detail in Chinese for the kiosk (it asks with Accept-Language: zh-CN);
    /// programs keep the English detail that names the command line's options. The status and title are the same.
    /// </summary>
    public static IResult For(Exception ex, HttpContext http)
    {
        var (status, title) = Kind(ex);
        return Problem(status, title, Chinese(http) is { } text ? text.For(ex) : ex.Message);
    }

    /// <summary>
    /// 503 for a write whose commit the storage refused (a full disk): the entry may still be stored from the journal,
    /// so the client is told the outcome is unknown and how to retry safely.
    /// </summary>
    public static IResult StorageUnavailable(HttpContext http, StorageEnvironmentException ex, string? idempotencyKey)
    {
        http.Response.Headers.RetryAfter = "30";
        var detail = Chinese(http) is { } text
            ? text.StorageUnavailable
            : $"{ex.Message}. Outcome unknown: it is safe to send the same request again with the same {IdempotencyHeader.Name}" +
              (idempotencyKey is null ? " (this one had none: send one with every write)" : $" ('{idempotencyKey}')") +
              ", which answers the stored record, or stores it once.";
        return Problem(StatusCodes.Status503ServiceUnavailable, "storage unavailable: outcome unknown, safe to retry with the same key", detail);
    }

    /// <summary>500 for a failure no code expected: still a problem detail, never an empty body, and nothing internal in it.</summary>
    public static IResult Internal(HttpContext http) =>
        Problem(StatusCodes.Status500InternalServerError, "internal error",
            Chinese(http)?.Internal ?? "the station failed on this request (its log says why); reload and check before repeating a write");

    private static (int Status, string Title) Kind(Exception ex) => ex switch
    {
        AccessDeniedException => (StatusCodes.Status403Forbidden, "not allowed for this role"),
        RecordNotFoundException => (StatusCodes.Status404NotFound, "record not found"),
        IllegalTransitionException => (StatusCodes.Status409Conflict, "action not allowed now"),
        RecordInputException => (StatusCodes.Status400BadRequest, "invalid input"),
        Storage.Ledger.IdempotencyConflictException => (StatusCodes.Status422UnprocessableEntity, "idempotency key reused"),
        StorageEnvironmentException => (StatusCodes.Status503ServiceUnavailable, "storage unavailable"),
        _ => throw ex,
    };

    /// <summary>The kiosk's words when the request asks for Chinese (the kiosk sends Accept-Language: zh-CN); else null.</summary>
    private static Kiosk.ProblemText? Chinese(HttpContext http) =>
        http.Request.Headers.AcceptLanguage.ToString().StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? http.RequestServices.GetService<Kiosk.ProblemText>()
            : null;

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Json(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" },
            ApiJsonContext.Default.ProblemDetails,
            contentType: "application/problem+json",
            statusCode: status);
}
