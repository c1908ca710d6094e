using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeStation.Center.Cli;
using EdgeStation.Center.Storage;

namespace EdgeStation.Center.Admin;

/// <summary>The command line's way to a running center: its local admin endpoint (<see cref="AdminEndpoints"/>).</summary>
public sealed class AdminClient : ICenterAdmin, IDisposable
{
    private readonly HttpClient _http;

    private AdminClient(AdminRunFile run)
    {
        _http = new HttpClient { BaseAddress = run.Url, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", run.Token);
    }

    /// <summary>The running center on <paramref name="dataDir"/>, or null when none answers (then the store is opened directly).</summary>
    public static AdminClient? Find(string dataDir)
    {
        if (AdminRunFile.Read(dataDir) is not { } run)
        {
            return null;
        }
        var client = new AdminClient(run);
        try
        {
            using var ping = client.Send(HttpMethod.Get, "admin/ping", null);
            if (ping.IsSuccessStatusCode)
            {
                return client;
            }
        }
        catch (HttpRequestException)
        {
            // A file left by a center that was killed: nobody listens.
        }
        catch (TaskCanceledException)
        {
        }
        client.Dispose();
        return null;
    }

    public EnrollResult Enroll(string id, string name, Uri endpoint) => Call<EnrollResult>(HttpMethod.Post, "admin/enroll", new EnrollRequest(id, name, endpoint));

    public bool Revoke(string id) => Call<RevokeResponse>(HttpMethod.Post, "admin/revoke", new RevokeRequest(id)).Found;

    public IReadOnlyList<StationView> Stations(TimeSpan? staleAfter = null) =>
        Call<List<StationView>>(HttpMethod.Get, staleAfter is { } s ? $"admin/stations?staleHours={(int)s.TotalHours}" : "admin/stations", null);

    public IReadOnlyList<AlertRow> Alerts(bool includeResolved) => Call<List<AlertRow>>(HttpMethod.Get, $"admin/alerts?all={(includeResolved ? "true" : "false")}", null);

    public AlertRow? Resolve(long alertId, string by)
    {
        using var response = Send(HttpMethod.Post, $"admin/alerts/{alertId}/resolve", new ResolveRequest(by));
        return response.StatusCode == HttpStatusCode.NotFound ? null : Read<AlertRow>(response);
    }

    public AnchorCheck CheckAnchor(string stationId, ulong seq, string hashHex) =>
        Call<AnchorCheck>(HttpMethod.Get, $"admin/anchor?station={Uri.EscapeDataString(stationId)}&seq={seq}&hash={Uri.EscapeDataString(hashHex)}", null);

    public void Dispose() => _http.Dispose();

    private T Call<T>(HttpMethod method, string path, object? body)
    {
        using var response = Send(method, path, body);
        return Read<T>(response);
    }

    private HttpResponseMessage Send(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: CenterJson.Options);
        }
        try
        {
            return _http.Send(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new CenterEnvironmentException($"the running center did not answer at {_http.BaseAddress} ({e.Message})", e);
        }
    }

    private static T Read<T>(HttpResponseMessage response)
    {
        using var stream = response.Content.ReadAsStream();
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(stream);
            throw new UsageException(problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "bad request" : "bad request");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new CenterEnvironmentException($"the running center answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        return JsonSerializer.Deserialize<T>(stream, CenterJson.Options) ?? throw new CenterEnvironmentException("the running center answered with nothing");
    }
}
