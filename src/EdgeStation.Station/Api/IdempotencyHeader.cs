using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Api;

/// <summary>
/// The <c>Idempotency-Key</c> header of a write: a client (the kiosk per rendered form, the CLI per command, any
/// program per request it means once) sends a fresh key, and sends the same key again when it does not know whether
/// the first attempt was stored (a 503, a timeout, a dropped connection). The key is stored with the entry, so the
/// retry answers the stored record (with <see cref="ReplayedHeader"/>) instead of storing it twice.
/// </summary>
public static class IdempotencyHeader
{
    public const string Name = "Idempotency-Key";
    /// <summary>Set to "true" on an answer that repeats a stored result instead of storing anything.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 100;

    /// <summary>The request's key (null when it sent none), or the problem with the header.</summary>
    public static (IdempotentRequest? Request, IResult? Problem) Read<T>(HttpContext http, T body, JsonTypeInfo<T> type, string actor)
    {
        var values = http.Request.Headers[Name];
        if (values.Count == 0)
        {
            return (null, null);
        }
        var key = values.Count == 1 ? values[0] ?? "" : "";
        if (key.Length is 0 or > MaxLength || !key.All(c => c is > ' ' and <= '~'))
        {
            return (null, ApiProblem.Problem(StatusCodes.Status400BadRequest, "invalid input",
                $"{Name} must be one value of 1 to {MaxLength} visible ASCII characters (a UUID is a good key)"));
        }
        return (new IdempotentRequest(actor, new RequestKey(key, Digest(http.Request.Method, http.Request.Path.Value ?? "", body, type))), null);
    }

    /// <summary>SHA-256 of the method, the path and the body as read (re-serialized, so spacing does not matter).</summary>
    private static string Digest<T>(string method, string path, T body, JsonTypeInfo<T> type)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{method} {path}\n"));
        sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(body, type));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
