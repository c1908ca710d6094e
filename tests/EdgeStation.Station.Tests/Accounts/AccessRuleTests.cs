using System.Net;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Issue 15: each endpoint's declared <see cref="AccessRule"/> on its own, apart from the grid check behind it (void's
/// rule weakened to "signed in" went unnoticed because the grid check refused the same requests).
/// </summary>
public sealed class AccessRuleTests : IAsyncLifetime
{
    private ApiStation _station = null!;

    public async Task InitializeAsync() => _station = await ApiStation.StartAsync();

    public async Task DisposeAsync() => await _station.DisposeAsync();

    /// <summary>Every endpoint and the rule it must declare: "public", "login", "signed in", "local cli" (the local token only), or the permissions any of which admits.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = "public",
        ["GET /healthz/live"] = "public",
        ["GET /assets/kiosk.css"] = "public",
        ["GET /assets/kiosk.js"] = "public",
        ["GET /login"] = "public",
        ["POST /login"] = "login",
        ["POST /logout"] = "public",
        ["GET /api/me"] = "signed in",
        ["GET /api/users"] = "ManageUsers",
        ["GET /metrics"] = "ReadMetrics",
        ["GET /api/records/"] = "ReadRecords",
        ["GET /api/records/{id}"] = "ReadRecords",
        ["POST /api/records/"] = "WriteRecords|WriteRecordsOwnGrids",
        ["POST /api/records/{id}/transitions"] = "WriteRecords|WriteRecordsOwnGrids",
        ["POST /api/records/{id}/amendments"] = "WriteRecords|WriteRecordsOwnGrids",
        ["POST /api/records/{id}/void"] = "WriteRecords|WriteRecordsOwnGrids",
        ["GET /api/indicators"] = "ReadIndicators",
        ["GET /api/ledger/head"] = "ReadLedger",
        ["GET /"] = "ReadRecords",
        ["GET /records/{type}"] = "ReadRecords",
        ["GET /records/{type}/new"] = "WriteRecords|WriteRecordsOwnGrids",
        ["GET /record/{id}"] = "ReadRecords",
        ["GET /indicators"] = "ReadIndicators",
        ["GET /indicators/report"] = "ReadIndicators",
        ["POST /api/cli/read"] = "local cli",
        ["GET /api/doors"] = "signed in",
        ["GET /api/doors/events"] = "ReadPersonal|ReadDiagnostics",
        ["POST /api/doors/{id}/simulate"] = "SimulateDoors",
        ["POST /api/doors/{id}/unlock"] = "UnlockDoors",
        ["POST /api/doors/{id}/mode"] = "SetDoorMode",
        ["GET /api/alarms"] = "signed in",
        ["GET /api/alarms/stream"] = "signed in",
        ["GET /api/doors/stream"] = "signed in",
        ["GET /doors"] = "signed in",
        ["GET /doors/alarms"] = "signed in",
        ["GET /doors/events"] = "ReadPersonal|ReadDiagnostics",
        ["GET /assets/doors.js"] = "signed in",
        ["POST /api/alarms/{id}/ack"] = "AcknowledgeAlarms",
        ["GET /api/access/persons"] = "ReadPersonal",
        ["POST /api/access/persons"] = "ManageAccess",
        ["POST /api/access/persons/{id}/remove"] = "ManageAccess",
        ["POST /api/access/persons/{id}/pin"] = "ManageAccess",
        ["GET /api/access/cards"] = "ReadPersonal",
        ["POST /api/access/cards/{card}/remove"] = "ManageAccess",
        ["POST /api/access/cards"] = "ManageAccess",
        ["GET /api/access/schedules"] = "ReadPersonal|ReadDiagnostics",
        ["POST /api/access/schedules"] = "ManageAccess",
        ["POST /api/access/schedules/{id}/remove"] = "ManageAccess",
        ["GET /api/access/levels"] = "ReadPersonal|ReadDiagnostics",
        ["POST /api/access/levels"] = "ManageAccess",
        ["POST /api/access/levels/{id}/remove"] = "ManageAccess",
        ["GET /api/cameras"] = "signed in",
        ["GET /api/cameras/alerts"] = "signed in",
        ["GET /api/cameras/alerts/{id}/snapshot"] = "AcknowledgeAlarms",
        ["POST /api/cameras/alerts/{id}/ack"] = "AcknowledgeAlarms",
        ["GET /cameras"] = "signed in",
        ["ANY {*path:nonfile}"] = "signed in",
    };

    private static string Describe(AccessRule rule) =>
        rule.LocalCliOnly ? "local cli" : rule.Anonymous ? (rule.CheckCsrf ? "public" : "login") : rule.AnyOf.Count == 0 ? "signed in" : string.Join("|", rule.AnyOf);

    [Fact]
    public void Every_endpoint_declares_exactly_the_rule_of_this_table()
    {
        var declared = ((IEndpointRouteBuilder)_station.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .ToDictionary(
                e => $"{e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single() ?? "ANY"} {e.RoutePattern.RawText}",
                e => e.Metadata.GetMetadata<AccessRule>() is { } rule ? Describe(rule) : "(none)",
                StringComparer.Ordinal);

        Assert.Equal(Expected.OrderBy(e => e.Key, StringComparer.Ordinal), declared.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    public static TheoryData<string> Writes => new()
    {
        "/api/records",
        "/api/records/DS-2026-0001/transitions",
        "/api/records/DS-2026-0001/amendments",
        "/api/records/DS-2026-0001/void",
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_viewers_write_is_refused_by_the_declared_rule_before_the_body_or_the_record_is_looked_at(string path)
    {
        var viewer = await _station.SignedInAsync("guest", Role.Viewer);

        // Malformed, and the record does not exist: only the declared rule can answer 403 here.
        var r = await viewer.PostAsync(path, ApiStation.Json("{"));

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("guest (viewer) may not write records", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_engineers_write_is_refused_by_the_declared_rule_alone(string path)
    {
        var engineer = await _station.SignedInAsync("li.gong", Role.Engineer);

        var r = await engineer.PostAsync(path, ApiStation.Json("{"));

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_command_line_read_endpoint_refuses_an_admins_session_by_its_declared_rule()
    {
        var admin = await _station.SignedInAsync("wangfang", Role.Admin);

        // A read the handler would run for anyone it let through: only the declared rule stands in the way.
        var r = await admin.PostAsync(ServiceRead.Path, ApiStation.Json("""{"args":["records","list"]}"""));

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("local command line only", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(r.Headers.Contains(ServiceRead.ExitHeader));
    }

    [Fact]
    public async Task The_grid_check_alone_refuses_a_grid_worker_who_passes_the_declared_rule()
    {
        var official = await _station.SignedInAsync("wangfang", Role.Official);
        var created = await official.PostAsync("/api/records", ApiStation.Json("""{"type":"grid-event","fields":{"category":"environment","grid":"grid-1"}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var worker = await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-2");
        var head = _station.Store.Head;

        var r = await worker.PostAsync("/api/records/GE-2026-0001/void", ApiStation.Json("""{"reason":"重复"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("writes only records of grid grid-2", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(head, _station.Store.Head);
    }
}
