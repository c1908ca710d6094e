using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Output;
using EdgeStation.Storage;

namespace EdgeStation.Station.Cli;

/// <summary>
/// Record writes and read commands sent to the running service of the same data dir, which holds the database: found through
/// &lt;data-dir&gt;/run/ (<see cref="ServiceRunFiles"/>) and trusted only while the database lock is held, so the files
/// a crashed service left behind are ignored. Authenticates with the local token (<see cref="LocalCliToken"/>).
/// Answers map to the exit codes a direct write has: the service's 4xx input problems to exit 2 with its message,
/// a refused token, an unreachable or failing service to exit 3. Each write carries its own Idempotency-Key, and a
/// write whose answer was lost is sent once more with the same key.
/// </summary>
public sealed class ServiceClient : IDisposable
{
    private readonly HttpClient _http;
    /// <summary>For read commands: the service answers once the command is done, and verifying or exporting a large ledger takes minutes.</summary>
    private readonly HttpClient _reads;
    private readonly string _token;

    private ServiceClient(Uri address, string token, string? certificateSha256)
    {
        Address = address;
        _token = token;
        var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (certificateSha256 is not null)
        {
            // Its own certificate, pinned by service.json (often self-signed on a village LAN), not a CA's word.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
                cert is X509Certificate2 c && string.Equals(c.GetCertHashString(HashAlgorithmName.SHA256), certificateSha256, StringComparison.OrdinalIgnoreCase);
        }
        _http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        _reads = new HttpClient(handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromHours(2) };
    }

    public Uri Address { get; }

    /// <summary>The running service of <paramref name="dataDir"/>, or null when none holds its database (write directly).</summary>
    public static ServiceClient? Find(string dataDir)
    {
        if (ServiceRunFiles.TryRead(dataDir) is not { } info
            || !string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(info.DataDir)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir)), StringComparison.Ordinal)
            || !LockHeld(dataDir)
            || PickAddress(info.Urls) is not { } address)
        {
            return null;
        }
        string? token;
        try
        {
            token = ServiceRunFiles.ReadToken(dataDir);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new StorageEnvironmentException(
                $"the edgestation service holds the database in {dataDir}, and this user cannot read its local token " +
                $"{Path.Combine(ServiceRunFiles.Dir(dataDir), ServiceRunFiles.TokenFile)} ({ex.Message}): run the command as the service's user " +
                "(sudo -u edgestation edgestation …) or use the kiosk; nothing was changed", ex);
        }
        return string.IsNullOrEmpty(token) ? null : new ServiceClient(address, token, info.CertificateSha256);
    }

    public ServiceWrite Add(RecordType type, IReadOnlyDictionary<string, string> fields, string actor) =>
        Post("/api/records", w =>
        {
            w.WriteString("type", RecordTypeNames.Name(type));
            WriteFields(w, fields);
        }, actor);

    public ServiceWrite Transition(string id, string action, TransitionInput input, string actor) =>
        Post($"/api/records/{Uri.EscapeDataString(id)}/transitions", w =>
        {
            w.WriteString("action", action);
            WriteIfSet(w, "note", input.Note);
            WriteIfSet(w, "risk", input.Risk);
            WriteIfSet(w, "to", input.AssignedTo);
            WriteIfSet(w, "days", input.Days);
            WriteIfSet(w, "reason", input.Reason);
            WriteIfSet(w, "approvedBy", input.ApprovedBy);
            WriteIfSet(w, "satisfaction", input.Satisfaction);
            WriteIfSet(w, "level", input.Level);
            WriteIfSet(w, "at", input.At);
        }, actor);

    public ServiceWrite Amend(string id, IReadOnlyDictionary<string, string> fields, string? reason, string actor) =>
        Post($"/api/records/{Uri.EscapeDataString(id)}/amendments", w =>
        {
            WriteFields(w, fields);
            WriteIfSet(w, "reason", reason);
        }, actor);

    public ServiceWrite Void(string id, string? reason, string actor) =>
        Post($"/api/records/{Uri.EscapeDataString(id)}/void", w => WriteIfSet(w, "reason", reason), actor);

    /// <summary>
    /// Runs a read command (<see cref="ServiceRead"/>) in the service: its exit code and standard error come back in
    /// headers, its standard output as the body, streamed (an export can be large).
    /// </summary>
    public ServiceReadAnswer Read(IReadOnlyList<string> args, string actor)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, RecordJson.Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("args");
            foreach (var a in args)
            {
                w.WriteStringValue(a);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceRead.Path) { Content = new ByteArrayContent(buffer.WrittenSpan.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue(LocalCliToken.Scheme, _token);
        request.Headers.Add(LocalCliToken.ActorHeader, Uri.EscapeDataString(actor));
        HttpResponseMessage response;
        try
        {
            response = _reads.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new StorageEnvironmentException(
                $"the edgestation service holds the database but did not answer at {Address} ({ex.Message}); if it was stopping, run the command again", ex);
        }
        if (!response.IsSuccessStatusCode
            || !int.TryParse(Header(response, ServiceRead.ExitHeader), out var exit))
        {
            using (response)
            {
                var detail = ProblemDetail(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
                throw new StorageEnvironmentException($"the running edgestation service refused this command: {detail}");
            }
        }
        var error = Uri.UnescapeDataString(Header(response, ServiceRead.ErrorHeader) ?? "");
        return new ServiceReadAnswer(exit, error, response);
    }

    /// <summary>
    /// A call to one of the service's other routes (the doors' API) with the local token: the answer's body on success;
    /// the service's input problems as exit 2 with its message, a refused token or a failing service as exit 3.
    /// </summary>
    public string Call(HttpMethod method, string path, IReadOnlyDictionary<string, string>? body, string actor)
    {
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var w = new Utf8JsonWriter(buffer, RecordJson.Options))
                {
                    w.WriteStartObject();
                    foreach (var (key, value) in body)
                    {
                        w.WriteString(key, value);
                    }
                    w.WriteEndObject();
                }
                request.Content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            request.Headers.Authorization = new AuthenticationHeaderValue(LocalCliToken.Scheme, _token);
            request.Headers.Add(LocalCliToken.ActorHeader, Uri.EscapeDataString(actor));
            return request;
        }
        HttpResponseMessage response;
        string text;
        try
        {
            (response, text) = Send(Request);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new StorageEnvironmentException($"the edgestation service did not answer at {Address} ({ex.Message}); if it was stopping, run the command again", ex);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return text;
            }
            var detail = ProblemDetail(text) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            throw response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnsupportedMediaType
                    or HttpStatusCode.UnprocessableEntity => new RecordInputException(detail),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new StorageEnvironmentException($"the running edgestation service refused this command: {detail}"),
                _ => new StorageEnvironmentException($"the running edgestation service could not do it: {detail}"),
            };
        }
    }

    public void Dispose()
    {
        _reads.Dispose();
        _http.Dispose();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private ServiceWrite Post(string path, Action<Utf8JsonWriter> members, string actor)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, RecordJson.Options))
        {
            w.WriteStartObject();
            members(w);
            w.WriteEndObject();
        }
        var content = buffer.WrittenSpan.ToArray();
        // One key per command: the retry below (and the service's own journal replay) can never store it twice.
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Authorization = new AuthenticationHeaderValue(LocalCliToken.Scheme, _token);
            request.Headers.Add(LocalCliToken.ActorHeader, Uri.EscapeDataString(actor));
            request.Headers.Add(Api.IdempotencyHeader.Name, key);
            return request;
        }
        HttpResponseMessage response;
        string body;
        try
        {
            (response, body) = Send(Request);
        }
        catch (Exception first) when (first is HttpRequestException or TaskCanceledException or IOException)
        {
            try
            {
                // The answer was lost, not necessarily the write: asking again with the same key is safe.
                (response, body) = Send(Request);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                throw new StorageEnvironmentException(
                    $"the edgestation service holds the database but did not answer at {Address} ({ex.Message}). If it was stopping, run the " +
                    "command again; otherwise look in the kiosk whether the change was stored before repeating it", ex);
            }
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return Parsed(body);
            }
            var detail = ProblemDetail(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    new StorageEnvironmentException($"the running edgestation service refused this command: {detail}; nothing was changed"),
                HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.RequestEntityTooLarge
                    or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity => new RecordInputException(detail),
                _ => new StorageEnvironmentException($"the running edgestation service could not store it: {detail}"),
            };
        }
    }

    private (HttpResponseMessage Response, string Body) Send(Func<HttpRequestMessage> request)
    {
        using var message = request();
        var response = _http.SendAsync(message).GetAwaiter().GetResult();
        try
        {
            return (response, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static ServiceWrite Parsed(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var r = doc.RootElement;
            return new ServiceWrite(r.GetProperty("id").GetString()!, r.GetProperty("status").GetString()!, r.GetProperty("voided").GetBoolean(), body);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new StorageEnvironmentException($"the running edgestation service answered something that is not a record ({ex.Message})", ex);
        }
    }

    private static string? ProblemDetail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteFields(Utf8JsonWriter w, IReadOnlyDictionary<string, string> fields)
    {
        w.WriteStartObject("fields");
        foreach (var (key, value) in fields)
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>
    /// Held by another process (flock, as the store takes it). The probe holds the lock for an instant: a service
    /// starting in that instant exits 3 and is restarted by systemd.
    /// </summary>
    private static bool LockHeld(string dataDir)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(dataDir, "station.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Plain HTTP first (the default loopback listener); a wildcard bind is reached on loopback.</summary>
    private static Uri? PickAddress(IEnumerable<string> urls)
    {
        foreach (var url in urls.OrderBy(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                continue;
            }
            var builder = new UriBuilder(uri);
            if (uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                builder.Host = "127.0.0.1";
            }
            return builder.Uri;
        }
        return null;
    }
}
