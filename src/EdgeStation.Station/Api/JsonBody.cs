using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeStation.Station.Api;

/// <summary>
/// Reads a JSON request body with a clear problem for each way it can be wrong: not JSON, malformed, unknown
/// member, a member given twice, text that is not valid UTF-8 or UTF-16, nested too deep, too large. Minimal APIs
/// would answer those with a bare 400 (or, for bad text inside <c>fields</c>, a 500 when the field is read).
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
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            bytes = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblem.Problem(StatusCodes.Status413PayloadTooLarge, "body too large", $"request bodies are limited to {MaxBytes / 1024} KB"));
        }
        if (Check(bytes) is { } wrong)
        {
            return (null, ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input", wrong));
        }
        try
        {
            var value = JsonSerializer.Deserialize(bytes, type);
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
    }

    /// <summary>
    /// What the serializer lets through and must not be stored: a member named twice in one object (it would keep the
    /// last silently), and a string that is not valid text (invalid UTF-8, a lone surrogate escape), which would
    /// otherwise only fail when a <see cref="JsonElement"/> field is read. Null when the body is fine or is malformed
    /// JSON, which the serializer reports with its path.
    /// </summary>
    public static string? Check(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var members = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        members.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        members.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (!TryText(ref reader, out var name))
                        {
                            return NotText("a member name", reader);
                        }
                        if (!members.Peek().Add(name))
                        {
                            return $"member '{name}' is given twice in one object (byte {reader.TokenStartIndex})";
                        }
                        break;
                    case JsonTokenType.String:
                        if (!TryText(ref reader, out _))
                        {
                            return NotText("a string", reader);
                        }
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? $"JSON nested deeper than {MaxDepth} levels" : null;
        }
        return null;
    }

    /// <summary>Request bodies are flat objects with one nested level (fields); anything far deeper is refused early.</summary>
    public const int MaxDepth = 16;

    private static bool TryText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string NotText(string what, Utf8JsonReader reader) =>
        $"{what} at byte {reader.TokenStartIndex} is not valid text (invalid UTF-8 or a lone surrogate)";

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
