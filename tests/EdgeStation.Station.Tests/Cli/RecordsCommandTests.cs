using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

public class RecordsCommandTests
{
    [Fact]
    public void Add_prints_the_new_id_alone()
    {
        using var station = new TestStation();

        var r = station.Run("records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--risk", "yellow", "--summary", "邻里纠纷");

        Assert.Equal(0, r.Exit);
        Assert.Equal("DS-2026-0001\n", r.Out.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("petition", "--channel", "visit", "--persons", "6", "PT-2026-0001")]
    [InlineData("case", "--kind", "criminal", "--police-ref", "刑字123", "CS-2026-0001")]
    [InlineData("lawsuit", "--court-ref", "(2026)民初45号", "--summary", "借款纠纷", "LS-2026-0001")]
    [InlineData("cult", "--persons", "1", "--summary", "发现散发传单", "CU-2026-0001")]
    [InlineData("grid-event", "--category", "safety-hazard", "--grid", "grid-3", "GE-2026-0001")]
    public void Every_type_can_be_added(string type, string o1, string v1, string o2, string v2, string expectedId)
    {
        using var station = new TestStation();

        Assert.Equal(expectedId, station.Ok("records", "add", type, o1, v1, o2, v2));
    }

    [Fact]
    public void List_json_is_an_array_of_records_with_ids()
    {
        using var station = new TestStation();
        var a = station.AddDispute();
        var b = station.Ok("records", "add", "grid-event", "--category", "environment");

        using var doc = JsonDocument.Parse(station.Ok("records", "list", "--json"));

        Assert.Equal([a, b], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public void List_filters_by_type()
    {
        using var station = new TestStation();
        station.AddDispute();
        var g = station.Ok("records", "add", "grid-event", "--category", "environment");

        using var doc = JsonDocument.Parse(station.Ok("records", "list", "--type", "grid-event", "--json"));

        Assert.Equal([g], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public void A_dispute_goes_through_its_loop_and_show_tells_its_history()
    {
        using var station = new TestStation();
        var id = station.AddDispute();
        station.Ok("records", "transition", id, "assess", "--risk", "red");
        station.Ok("records", "transition", id, "assign", "--to", "人民调解员王某");
        station.Ok("records", "transition", id, "mediate");
        station.Clock.Advance(TimeSpan.FromDays(2));
        station.Ok("records", "transition", id, "resolve", "--note", "达成协议");

        var show = station.Ok("records", "show", id);

        Assert.Contains("resolved", show, StringComparison.Ordinal);
        Assert.Contains("assign", show, StringComparison.Ordinal);
        Assert.Contains("达成协议", show, StringComparison.Ordinal);
        Assert.Contains("next: follow-up", show, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_json_carries_marks_of_each_step()
    {
        using var station = new TestStation();
        var id = station.AddDispute();
        station.Clock.Advance(TimeSpan.FromHours(3));
        station.Ok("records", "transition", id, "assess", "--risk", "green");

        using var doc = JsonDocument.Parse(station.Ok("records", "show", id, "--json"));

        Assert.Equal("2026-03-10T04:00:00.000Z", doc.RootElement.GetProperty("marks").GetProperty("assess").GetString());
    }

    [Fact]
    public void Amend_keeps_the_original_and_adds_an_entry()
    {
        using var station = new TestStation();
        var id = station.AddDispute();

        station.Ok("records", "amend", id, "--parties", "3", "--reason", "漏记一方当事人");

        using var doc = JsonDocument.Parse(station.Ok("records", "show", id, "--json"));
        Assert.Equal(3, doc.RootElement.GetProperty("fields").GetProperty("parties").GetInt64());
        Assert.Equal(1, doc.RootElement.GetProperty("amendments").GetInt32());
        Assert.StartsWith("3:", station.Head(), StringComparison.Ordinal); // init, create, amend
    }

    [Fact]
    public void Voided_records_leave_the_list_but_stay_in_the_ledger()
    {
        using var station = new TestStation();
        var id = station.AddDispute();

        station.Ok("records", "void", id, "--reason", "重复登记");

        Assert.DoesNotContain(id, station.Ok("records", "list"), StringComparison.Ordinal);
        Assert.Contains(id, station.Ok("records", "list", "--include-voided"), StringComparison.Ordinal);
        Assert.Equal(0, station.Run("records", "verify").Exit);
    }

    [Fact]
    public void Actor_is_recorded_from_the_option_or_the_login()
    {
        using var station = new TestStation();
        var id = station.AddDispute();
        station.Ok("records", "transition", id, "assess", "--risk", "green", "--actor", "official:li");

        var show = station.Ok("records", "show", id);

        Assert.Contains("cli:tester", show, StringComparison.Ordinal);
        Assert.Contains("official:li", show, StringComparison.Ordinal);
    }
}
