using System.Net;
using System.Text;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Records;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>The kiosk's action forms and the API take when a step happened; the record page shows both times.</summary>
public sealed class TransitionAtTests
{
    [Fact]
    public async Task Kiosk_form_asks_when_the_step_happened_and_the_history_shows_it()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);
        var service = new RecordService(station.Store, station.Config, station.Clock);
        var id = service.Add(Domain.Records.RecordType.Petition, new Dictionary<string, string> { ["channel"] = "visit", ["persons"] = "1", ["receivedAt"] = "2026-03-10T08:00" }, "tester").Record!.Id;
        station.Clock.Advance(TimeSpan.FromDays(3));
        http = await station.SignedInAsync("official2", Role.Official); // a fresh session after the days passed
        Assert.Contains("data-input=\"at\" type=\"datetime-local\"", await http.GetStringAsync($"/record/{id}"), StringComparison.Ordinal);

        var r = await http.PostAsync($"/api/records/{id}/transitions", new StringContent("""{"action":"accept","at":"2026-03-11T10:00"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("实际办理于 2026-03-11 10:00", await http.GetStringAsync($"/record/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_refuses_a_step_dated_in_the_future_and_writes_nothing()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);
        var service = new RecordService(station.Store, station.Config, station.Clock);
        var id = service.Add(Domain.Records.RecordType.Petition, new Dictionary<string, string> { ["channel"] = "visit", ["persons"] = "1" }, "tester").Record!.Id;
        var head = station.Store.Head;

        var r = await http.PostAsync($"/api/records/{id}/transitions", new StringContent("""{"action":"accept","at":"2026-04-01"}""", Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, head), (r.StatusCode, station.Store.Head));
    }

    [Fact]
    public async Task Home_due_table_has_a_heading_for_every_column()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);
        new RecordService(station.Store, station.Config, station.Clock)
            .Add(Domain.Records.RecordType.Dispute, new Dictionary<string, string> { ["category"] = "neighbours", ["parties"] = "2" }, "tester");

        var home = await http.GetStringAsync("/");

        Assert.Contains("<tr><th>编号</th><th>类型</th><th>摘要</th><th>期限</th><th>剩余时间</th></tr>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_met_petition_deadline_showed_a_bare_tick()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);
        var service = new RecordService(station.Store, station.Config, station.Clock);
        var id = service.Add(Domain.Records.RecordType.Petition, new Dictionary<string, string> { ["channel"] = "visit", ["persons"] = "1" }, "tester").Record!.Id;
        service.Transition(id, "accept", new(), "tester");

        var page = await http.GetStringAsync($"/record/{id}");

        Assert.DoesNotContain("✓", page, StringComparison.Ordinal);
        Assert.Contains("已按期办理（2026-03-10）", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_petition_form_lets_the_official_pick_the_kind_of_matter()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);

        var form = await http.GetStringAsync("/records/petition/new");

        Assert.Contains("data-field=\"matter\"", form, StringComparison.Ordinal);
        Assert.Contains("申诉求决类（本单位出具处理意见书，60日办结）", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extension_form_asks_who_approved_it()
    {
        await using var station = await ApiStation.StartAsync();
        var http = await station.SignedInAsync("official", Role.Official);
        var service = new RecordService(station.Store, station.Config, station.Clock);
        var id = service.Add(Domain.Records.RecordType.Petition, new Dictionary<string, string> { ["channel"] = "visit", ["persons"] = "1" }, "tester").Record!.Id;
        service.Transition(id, "accept", new(), "tester");

        Assert.Contains("data-input=\"approvedBy\"", await http.GetStringAsync($"/record/{id}"), StringComparison.Ordinal);
    }
}
