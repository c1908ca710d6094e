using System.Net;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Api;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage;
using Microsoft.AspNetCore.Http;

namespace EdgeStation.Station.Tests.Api;

/// <summary>
/// Issue 15: problem details everywhere. The kiosk's Chinese detail reached only input problems (with the title
/// "invalid input" even for a 404 or a 409); a reused idempotency key and a storage refusal spoke English at the kiosk;
/// a failure no endpoint expected answered an empty 500.
/// </summary>
public sealed class ProblemAnswerTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private HttpClient _official = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync();
        _official = await _station.SignedInAsync("wangfang", Role.Official);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? Type, JsonElement Body)> PostAsKiosk(string path, string json, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = ApiStation.Json(json) };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        var r = await _official.SendAsync(request);
        return (r.StatusCode, r.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Regression_the_kiosk_got_the_title_invalid_input_for_an_unknown_record()
    {
        var (status, type, body) = await PostAsKiosk("/api/records/DS-2026-0099/transitions", """{"action":"assess","risk":"red"}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("record not found", body.GetProperty("title").GetString());
        Assert.Equal("没有编号为 DS-2026-0099 的记录。", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Regression_a_reused_idempotency_key_was_explained_to_the_kiosk_in_english()
    {
        var first = await PostAsKiosk("/api/records", """{"type":"case","fields":{"kind":"criminal"}}""", "form-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);

        var (status, type, body) = await PostAsKiosk("/api/records", """{"type":"case","fields":{"kind":"civil"}}""", "form-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("idempotency key reused", body.GetProperty("title").GetString());
        Assert.StartsWith("这张表单已经提交过另一份内容", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_keeps_the_english_detail_with_the_same_status_and_title()
    {
        var r = await _official.PostAsync("/api/records/DS-2026-0099/transitions", ApiStation.Json("""{"action":"assess","risk":"red"}"""));

        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("record not found", body.GetProperty("title").GetString());
        Assert.Contains("DS-2026-0099", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_the_storage_refused_tells_the_kiosk_in_chinese_that_submitting_again_is_safe()
    {
        var http = new DefaultHttpContext { RequestServices = _station.App.Services };
        http.Request.Headers.AcceptLanguage = "zh-CN";
        http.Response.Body = new MemoryStream();

        await ApiProblem.StorageUnavailable(http, new StorageEnvironmentException("No space left on device"), "form-1").ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        Assert.Equal("30", http.Response.Headers.RetryAfter.ToString());
        var body = JsonDocument.Parse(((MemoryStream)http.Response.Body).ToArray()).RootElement;
        Assert.Equal("storage unavailable: outcome unknown, safe to retry with the same key", body.GetProperty("title").GetString());
        Assert.Contains("同一张表单不会重复登记", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_a_failure_no_endpoint_expected_answered_an_empty_500()
    {
        (await _official.PostAsync("/api/records", ApiStation.Json("""{"type":"case","fields":{"kind":"criminal"}}"""))).EnsureSuccessStatusCode();
        _station.Store.Dispose(); // the store gone under the running service: every read of it now throws

        var r = await _official.GetAsync("/api/records/CS-2026-0001");

        Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var text = await r.Content.ReadAsStringAsync();
        Assert.Equal("internal error", JsonDocument.Parse(text).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal); // nothing internal in the answer
        Assert.Equal("no-store", r.Headers.CacheControl?.ToString()); // the security headers are kept
    }
}
