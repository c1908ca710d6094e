using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

public class IndicatorsCommandTests
{
    [Fact]
    public void Json_has_the_documented_camel_case_keys()
    {
        using var station = new TestStation();
        station.AddDispute();

        using var doc = JsonDocument.Parse(station.Ok("indicators", "--json"));
        var root = doc.RootElement;

        foreach (var key in new[] { "noCases", "noPetitions", "noLawsuits", "noCults" })
        {
            Assert.Equal(JsonValueKind.Number, root.GetProperty("streakDays").GetProperty(key).ValueKind);
        }
        Assert.Equal(JsonValueKind.Number, root.GetProperty("disputeResolutionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("petitionOnTimeRate").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("safetyIndex").ValueKind);
    }

    [Fact]
    public void Resolving_a_dispute_moves_the_resolution_rate()
    {
        using var station = new TestStation();
        var a = station.AddDispute();
        station.AddDispute();
        double Rate()
        {
            using var doc = JsonDocument.Parse(station.Ok("indicators", "--json"));
            return doc.RootElement.GetProperty("disputeResolutionRate").GetDouble();
        }
        var before = Rate();
        station.Ok("records", "transition", a, "assess", "--risk", "green");
        station.Ok("records", "transition", a, "assign", "--to", "王某");
        station.Ok("records", "transition", a, "resolve");

        Assert.Equal(0.0, before);
        Assert.Equal(0.5, Rate());
    }

    [Fact]
    public void The_case_streak_counts_local_days_since_the_case()
    {
        using var station = new TestStation();
        station.Ok("records", "add", "case", "--kind", "public-security", "--occurred-at", "2026-03-01T22:00");
        station.Clock.Advance(TimeSpan.FromDays(20)); // 2026-03-30 in Shanghai

        using var doc = JsonDocument.Parse(station.Ok("indicators", "--json"));

        Assert.Equal(29, doc.RootElement.GetProperty("streakDays").GetProperty("noCases").GetInt32());
        Assert.Equal(20, doc.RootElement.GetProperty("streakDays").GetProperty("noCults").GetInt32()); // since the station started
        Assert.False(doc.RootElement.GetProperty("fourNothing").GetProperty("achieved").GetBoolean());
    }

    [Fact]
    public void A_petition_past_its_acceptance_deadline_is_overdue()
    {
        using var station = new TestStation();
        station.Ok("records", "add", "petition", "--channel", "letter", "--persons", "1");
        station.Clock.Advance(TimeSpan.FromDays(16)); // received 03-10: due 03-25

        using var doc = JsonDocument.Parse(station.Ok("indicators", "--json"));

        Assert.Equal(1, doc.RootElement.GetProperty("petitions").GetProperty("overdue").GetInt32());
        Assert.Equal(0.0, doc.RootElement.GetProperty("petitionOnTimeRate").GetDouble());
    }

    [Fact]
    public void Text_output_shows_the_streaks_in_chinese_and_english()
    {
        using var station = new TestStation();
        station.AddDispute();

        var text = station.Ok("indicators", "--date", "2026-03-10");

        Assert.Contains("无案件", text, StringComparison.Ordinal);
        Assert.Contains("safety index", text, StringComparison.Ordinal);
    }
}
