using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Role checks on every endpoint, and who sees personal fields. Two disputes: one in grid-1, one in grid-2, both
/// with a summary, party names and a phone number, recorded by an official.
/// </summary>
public sealed class RoleTests : IAsyncLifetime
{
    private const string Dispute = """{"type":"dispute","fields":{"category":"neighbours","parties":2,"grid":"GRID","summary":"邻里因宅基地边界发生争执","partyNames":"张某、李某","phone":"13800138000"}}""";
    private ApiStation _station = null!;
    private HttpClient _official = null!;
    private string _inGrid1 = "";
    private string _inGrid2 = "";

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync();
        _official = await _station.SignedInAsync("wangfang", Role.Official);
        _inGrid1 = await Create(_official, "grid-1");
        _inGrid2 = await Create(_official, "grid-2");
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    private static async Task<string> Create(HttpClient client, string grid)
    {
        var r = await client.PostAsync("/api/records", ApiStation.Json(Dispute.Replace("GRID", grid, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<Dictionary<string, JsonElement>> FieldsById(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/records");
        return list.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("fields").Clone());
    }

    private static bool HasPersonal(JsonElement fields) =>
        fields.TryGetProperty("summary", out _) || fields.TryGetProperty("partyNames", out _) || fields.TryGetProperty("phone", out _);

    [Fact]
    public async Task A_viewer_cannot_write_and_nothing_is_stored()
    {
        var viewer = await _station.SignedInAsync("guest", Role.Viewer);
        var head = _station.Store.Head;

        var r = await viewer.PostAsync("/api/records", ApiStation.Json("""{"type":"grid-event","fields":{"category":"environment"}}"""));

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal("guest (viewer) may not write records", doc.RootElement.GetProperty("detail").GetString());
        Assert.Equal(head, _station.Store.Head);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Engineer)]
    public async Task Viewers_and_engineers_cannot_transition_amend_or_void(Role role)
    {
        var client = await _station.SignedInAsync("someone", role);
        var head = _station.Store.Head;

        var transition = await client.PostAsync($"/api/records/{_inGrid1}/transitions", ApiStation.Json("""{"action":"assess","risk":"red"}"""));
        var amend = await client.PostAsync($"/api/records/{_inGrid1}/amendments", ApiStation.Json("""{"fields":{"parties":3},"reason":"typo"}"""));
        var @void = await client.PostAsync($"/api/records/{_inGrid1}/void", ApiStation.Json("""{"reason":"duplicate"}"""));

        Assert.All([transition, amend, @void], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(head, _station.Store.Head);
    }

    [Fact]
    public async Task A_viewer_reads_records_without_personal_fields()
    {
        var viewer = await _station.SignedInAsync("guest", Role.Viewer);

        var fields = await FieldsById(viewer);

        Assert.All(fields.Values, f => Assert.False(HasPersonal(f)));
        Assert.Equal("neighbours", fields[_inGrid1].GetProperty("category").GetString());
        Assert.DoesNotContain("13800138000", await viewer.GetStringAsync($"/api/records/{_inGrid1}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_sees_personal_fields_of_every_grid()
    {
        var fields = await FieldsById(_official);

        Assert.True(HasPersonal(fields[_inGrid1]));
        Assert.True(HasPersonal(fields[_inGrid2]));
    }

    [Fact]
    public async Task A_grid_worker_sees_personal_fields_only_in_their_own_grid()
    {
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-1");

        var fields = await FieldsById(worker);
        var one = await worker.GetStringAsync($"/api/records/{_inGrid2}");

        Assert.True(HasPersonal(fields[_inGrid1]));
        Assert.False(HasPersonal(fields[_inGrid2]));
        Assert.DoesNotContain("张某", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grid_worker_changes_records_of_their_own_grid_only()
    {
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-1");
        var head = _station.Store.Head;

        var other = await worker.PostAsync($"/api/records/{_inGrid2}/transitions", ApiStation.Json("""{"action":"assess","risk":"red"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(head, _station.Store.Head);

        var own = await worker.PostAsync($"/api/records/{_inGrid1}/transitions", ApiStation.Json("""{"action":"assess","risk":"red"}"""));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_cannot_move_a_record_into_another_grid()
    {
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-1");
        var head = _station.Store.Head;

        var r = await worker.PostAsync($"/api/records/{_inGrid1}/amendments", ApiStation.Json("""{"fields":{"grid":"grid-2"},"reason":"wrong grid"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(head, _station.Store.Head);
    }

    [Fact]
    public async Task A_grid_workers_new_record_lands_in_their_grid()
    {
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-3");

        var r = await worker.PostAsync("/api/records", ApiStation.Json("""{"type":"grid-event","fields":{"category":"environment"}}"""));

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        Assert.Equal("grid-3", doc.RootElement.GetProperty("fields").GetProperty("grid").GetString());
    }

    [Fact]
    public async Task A_grid_worker_cannot_create_in_another_grid()
    {
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-3");
        var head = _station.Store.Head;

        var r = await worker.PostAsync("/api/records", ApiStation.Json("""{"type":"grid-event","fields":{"category":"environment","grid":"grid-1"}}"""));

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(head, _station.Store.Head);
    }

    [Fact]
    public async Task A_grid_worker_of_several_grids_must_say_which()
    {
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-1", "grid-3");

        var r = await worker.PostAsync("/api/records", ApiStation.Json("""{"type":"grid-event","fields":{"category":"environment"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("grid-1, grid-3", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_write_records_the_logged_in_user_as_its_actor()
    {
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-1");
        await worker.PostAsync($"/api/records/{_inGrid1}/transitions", ApiStation.Json("""{"action":"assess","risk":"red"}"""));

        var actors = _station.Store.History(_inGrid1).Select(h => h.Event.Actor);

        Assert.Equal(["user:wangfang", "user:zhaolei"], actors);
    }

    [Fact]
    public async Task Metrics_are_for_engineers_and_admins_only()
    {
        var engineer = await _station.SignedInAsync("li.gong", Role.Engineer);
        var admin = await _station.SignedInAsync("root", Role.Admin);

        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _official.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_lists_accounts_and_never_sees_a_hash()
    {
        var admin = await _station.SignedInAsync("root", Role.Admin);

        var list = await admin.GetStringAsync("/api/users");
        var refused = await _official.GetAsync("/api/users");

        Assert.Contains("\"name\":\"wangfang\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Every_role_reads_indicators_and_the_ledger_head()
    {
        foreach (var role in RoleNames.All)
        {
            var client = await _station.SignedInAsync("as-" + RoleNames.Name(role), role, role == Role.GridWorker ? ["grid-1"] : []);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/indicators")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ledger/head")).StatusCode);
        }
    }

    [Fact]
    public void Every_endpoint_declares_an_access_rule()
    {
        var endpoints = ((IEndpointRouteBuilder)_station.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<AccessRule>() is not null, $"{e.RoutePattern.RawText} has no AccessRule"));
    }

    [Fact]
    public void Only_health_login_logout_and_the_kiosk_assets_are_open_to_anyone()
    {
        var open = ((IEndpointRouteBuilder)_station.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<AccessRule>()?.Anonymous == true)
            .Select(e => e.RoutePattern.RawText)
            .Order(StringComparer.Ordinal);

        // The login page needs its stylesheet and script before anyone has logged in; neither holds data.
        Assert.Equal(["/assets/kiosk.css", "/assets/kiosk.js", "/healthz", "/healthz/live", "/login", "/login", "/logout"], open);
    }
}
