using System.Net;
using System.Text.RegularExpressions;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Config;
using EdgeStation.Station.Kiosk;
using EdgeStation.Station.Records;
using EdgeStation.Station.Service;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>The kiosk pages rendered by the real service over a seeded demo year.</summary>
public sealed partial class KioskPageTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private LedgerStore _store = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartSeededAsync("杨柳村", 2025);
        _store = _station.Store;
        _http = await _station.SignedInAsync("official", Role.Official);
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    [Fact]
    public async Task A_kiosk_page_without_a_session_sends_the_browser_to_the_login_page()
    {
        var anonymous = _station.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/records/dispute");
        request.Headers.Accept.ParseAdd("text/html");

        var r = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/login?next=%2Frecords%2Fdispute", r.Headers.Location!.ToString());
        Assert.Contains("密码或PIN", await anonymous.GetStringAsync("/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_a_record_without_its_personal_fields()
    {
        var viewer = await _station.SignedInAsync("viewer", Role.Viewer);
        var id = _store.Records(RecordType.Petition).First().Id;

        var html = await viewer.GetStringAsync($"/record/{id}");
        var asOfficial = await _http.GetStringAsync($"/record/{id}");

        Assert.DoesNotContain("联系电话", html, StringComparison.Ordinal);
        Assert.Contains("联系电话", asOfficial, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_shows_the_four_streaks_as_the_indicators_compute_them()
    {
        var html = await _http.GetStringAsync("/");
        var report = new RecordService(_store, new StationConfig(new StationSettings(), "", null), _station.Clock).Indicators(null);

        Assert.Contains($"data-streak=\"noCases\">{report.StreakDays.NoCases}<", html, StringComparison.Ordinal);
        Assert.Contains($"data-streak=\"noCults\">{report.StreakDays.NoCults}<", html, StringComparison.Ordinal);
        Assert.Contains("无案件", html, StringComparison.Ordinal);
        Assert.Contains("杨柳村", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_page_lists_its_records_newest_first()
    {
        var html = await _http.GetStringAsync("/records/petition");

        var ids = PetitionId().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.OrderDescending(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task A_record_page_shows_its_history_with_who_and_when()
    {
        var id = _store.Records(RecordType.Dispute).First(r => r.Status == "resolved").Id;

        var html = await _http.GetStringAsync($"/record/{id}");

        Assert.Contains("已化解", html, StringComparison.Ordinal);
        Assert.Contains("操作人 demo", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"follow-up\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pages_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/records/spaceship")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/record/DS-1999-0001")).StatusCode);
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_the_binary()
    {
        var r = await _http.GetAsync("/assets/kiosk.css");

        Assert.Equal("text/css", r.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".streak", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_status_action_type_and_field_has_a_chinese_label()
    {
        var text = UiText.Load();
        var schemas = new RecordSchemas(new StationSettings());
        var keys = RecordTypeNames.All.SelectMany(type =>
        {
            var workflow = Domain.Workflows.Workflows.For(type);
            return workflow.Statuses.Select(s => "status." + s)
                .Concat(workflow.Actions.Select(a => "action." + a.Name))
                .Concat(schemas[type].Fields.Select(f => "field." + f.Key))
                .Append("type." + RecordTypeNames.Name(type));
        });

        Assert.Empty(keys.Where(k => !text.Has(k)).Distinct());
    }

    [Fact]
    public async Task The_new_dispute_form_has_an_input_for_every_field_a_person_enters()
    {
        var html = await _http.GetStringAsync("/records/dispute/new");
        var schema = new RecordSchemas(new StationSettings())[RecordType.Dispute];

        foreach (var field in schema.InputFields)
        {
            Assert.Contains($"data-field=\"{field.Key}\"", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("data-field=\"assignedTo\"", html, StringComparison.Ordinal); // set by 'assign'
        Assert.Contains("邻里纠纷", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_received_petition_offers_accept_and_decline_forms_decline_needing_a_note()
    {
        var id = _store.Records(RecordType.Petition).First().Id;
        var service = new RecordService(_store, new StationConfig(new StationSettings(), "", null), _station.Clock);
        var fresh = service.Add(RecordType.Petition, new Dictionary<string, string> { ["channel"] = "visit", ["persons"] = "1" }, "test").Record!.Id;

        var html = await _http.GetStringAsync($"/record/{fresh}");

        Assert.Contains("data-action=\"accept\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"decline\"", html, StringComparison.Ordinal);
        Assert.Contains("data-input=\"note\" maxlength=\"500\" required", html, StringComparison.Ordinal);
        Assert.NotEqual(id, fresh);
    }

    [GeneratedRegex("PT-2025-\\d{4}")]
    private static partial Regex PetitionId();
}
