using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Tests.Api;

/// <summary>The JSON API on a real Kestrel on loopback, over a real LiteDB file, logged in as an official.</summary>
public sealed class ApiTests : OfficialApiTest
{
    private Task<HttpResponseMessage> Post(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<string> CreateDispute()
    {
        var r = await Post("/api/records", """{"type":"dispute","fields":{"category":"neighbours","parties":2,"risk":"yellow","summary":"邻里纠纷"}}""");
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Health_says_ready_with_the_ledger_head()
    {
        using var doc = JsonDocument.Parse(await Http.GetStringAsync("/healthz"));

        Assert.Equal("ready", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_created_record_is_at_its_location()
    {
        var r = await Post("/api/records", NewEvent);

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal("/api/records/GE-2026-0001", r.Headers.Location!.ToString());
        using var doc = JsonDocument.Parse(await Http.GetStringAsync(r.Headers.Location));
        Assert.Equal("reported", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("user:wangfang", Station.Store.History("GE-2026-0001").Single().Event.Actor);
    }

    [Fact]
    public async Task A_dispute_moves_through_its_workflow_over_http()
    {
        var id = await CreateDispute();

        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/records/{id}/transitions", """{"action":"assess","risk":"red"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post($"/api/records/{id}/transitions", """{"action":"assign","to":"王某"}""")).StatusCode);
        var resolved = await Post($"/api/records/{id}/transitions", """{"action":"resolve","note":"达成协议"}""");

        using var doc = JsonDocument.Parse(await resolved.Content.ReadAsStringAsync());
        Assert.Equal("resolved", doc.RootElement.GetProperty("status").GetString());
        using var indicators = JsonDocument.Parse(await Http.GetStringAsync("/api/indicators"));
        Assert.Equal(1.0, indicators.RootElement.GetProperty("disputeResolutionRate").GetDouble());
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadRequests => new()
    {
        { "/api/records", "{not json", HttpStatusCode.BadRequest, "malformed JSON" },
        { "/api/records", """{"type":"dispute","fields":{},"extra":1}""", HttpStatusCode.BadRequest, "unknown member" },
        { "/api/records", """{"type":"spaceship","fields":{}}""", HttpStatusCode.BadRequest, "'type' must be one of" },
        { "/api/records", """{"type":"dispute","fields":{"category":"neighbours","parties":2,"risk":"purple"}}""", HttpStatusCode.BadRequest, "red, yellow, green" },
        { "/api/records", """{"type":"dispute","fields":{"category":"neighbours","parties":true}}""", HttpStatusCode.BadRequest, "string or a number" },
        { "/api/records", "null", HttpStatusCode.BadRequest, "null" },
        { "/api/records/DS-2026-0001/transitions", """{"action":"resolve"}""", HttpStatusCode.Conflict, "allowed now: assess" },
        { "/api/records/DS-2026-0001/transitions", """{"action":"extend","days":true}""", HttpStatusCode.BadRequest, "'days' must be a number" },
        { "/api/records/DS-2026-0099/transitions", """{"action":"assess","risk":"red"}""", HttpStatusCode.NotFound, "no record" },
        { "/api/records/DS-2026-0001/amendments", """{"fields":{"parties":3}}""", HttpStatusCode.BadRequest, "--reason" },
        { "/api/records/DS-2026-0001/void", """{}""", HttpStatusCode.BadRequest, "--reason" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_problem_and_store_nothing(string path, string body, HttpStatusCode status, string detail)
    {
        await CreateDispute();
        var head = Station.Store.Head;

        var r = await Post(path, body);

        Assert.Contains(detail, await Problem.Detail(r, status), StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_with_413()
    {
        var summary = new string('长', 40_000);
        var head = Station.Store.Head;

        var r = await Post("/api/records", $$$"""{"type":"dispute","fields":{"category":"neighbours","parties":2,"summary":"{{{summary}}}"}}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        var r = await Http.PostAsync("/api/records", new StringContent("type=dispute", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode);
    }

    [Fact]
    public async Task Concurrent_posts_are_group_committed_into_one_unbroken_chain()
    {
        var posts = Enumerable.Range(0, 40).Select(_ => Post("/api/records", NewEvent));

        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.True(LedgerVerifier.Verify(Station.Store.Entries()).Ok);
        Assert.Equal(42, Station.Store.Head.Seq); // station entry + the official's account + 40
    }

    [Fact]
    public async Task Metrics_count_requests_by_route_in_prometheus_text()
    {
        await CreateDispute();
        await Http.GetAsync("/api/records/NOPE");
        var engineer = await Station.SignedInAsync("li.gong", Role.Engineer);

        var text = await engineer.GetStringAsync("/metrics");

        Assert.Contains("edgestation_records{type=\"dispute\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("edgestation_http_requests_total{route=\"/api/records/{id}\",method=\"GET\",status=\"404\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("edgestation_ledger_head_seq 4", text, StringComparison.Ordinal); // station, 2 accounts, 1 dispute
        Assert.Contains("edgestation_logins_total{result=\"success\"} 2", text, StringComparison.Ordinal);
        // The writer's steps: the dispute went through a group commit, so the entries counter and the journal's time moved.
        var entries = System.Text.RegularExpressions.Regex.Match(text, @"^edgestation_ledger_entries_total (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(entries.Success && long.Parse(entries.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, text);
        foreach (var stage in new[] { "build", "journal", "acknowledge", "apply", "commit", "checkpoint" })
        {
            Assert.Matches($"(?m)^edgestation_ledger_writer_seconds_total{{stage=\"{stage}\"}} [0-9.]+$", text);
        }
        Assert.DoesNotMatch("(?m)^edgestation_ledger_writer_seconds_total{stage=\"journal\"} 0$", text);
    }

    [Fact]
    public async Task The_record_list_is_a_json_array()
    {
        var id = await CreateDispute();

        var list = await Http.GetFromJsonAsync<JsonElement>("/api/records?type=dispute");

        Assert.Equal([id], list.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }
}
