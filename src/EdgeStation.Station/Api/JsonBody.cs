using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeStation.Station.Api;

/// <summary>
/// Reads a JSON request body with a clear problem for each way it can be wrong: not JSON, malformed, unknown
/// member, too large. Minimal APIs would answer those with a bare 400.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type)
        where T : class
    {
        if (!(http.Request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblem.Problem(StatusCodes.Status415UnsupportedMediaType, "JSON expected", "send Content-Type: application/json"));
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync(http.Request.Body, type, http.RequestAborted);
            return value is null
                ? (null, ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", "the body is JSON null; send an object"))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at {ex.Path}";
            var why = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown member" : "malformed JSON";
            return (null, ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", $"{why}{where}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblem.Problem(StatusCodes.Status413PayloadTooLarge, "body too large", $"request bodies are limited to {MaxBytes / 1024} KB"));
        }
    }

    /// <summary>Field values may be sent as JSON strings or numbers; the domain parses them like typed input.</summary>
    public static Dictionary<string, string> Fields(Dictionary<string, JsonElement>? fields)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields ?? [])
        {
            raw[key] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                _ => throw new Domain.Records.RecordInputException($"field '{key}' must be a string or a number"),
            };
        }
        return raw;
    }
}
