using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

public class SeedDemoCommandTests
{
    [Fact]
    public void The_same_village_and_year_give_the_same_ledger()
    {
        using var a = new TestStation();
        using var b = new TestStation();

        var headA = a.Ok("records", "seed-demo", "--village", "杨柳村", "--year", "2025");
        var headB = b.Ok("records", "seed-demo", "--village", "杨柳村", "--year", "2025");

        Assert.Equal(headA, headB);
        Assert.Equal(0, a.Run("records", "verify").Exit);
    }

    [Fact]
    public void Another_village_gets_another_year()
    {
        using var a = new TestStation();
        using var b = new TestStation();

        Assert.NotEqual(a.Ok("records", "seed-demo", "--village", "杨柳村", "--year", "2025"), b.Ok("records", "seed-demo", "--village", "桃花村", "--year", "2025"));
    }

    [Fact]
    public void A_demo_year_looks_like_a_village_year()
    {
        using var station = new TestStation();
        station.Ok("records", "seed-demo", "--village", "杨柳村", "--year", "2025");

        using var doc = JsonDocument.Parse(station.Ok("indicators", "--date", "2025-12-31", "--json"));
        var root = doc.RootElement;

        Assert.InRange(root.GetProperty("disputes").GetProperty("accepted").GetInt32(), 40, 120);
        Assert.InRange(root.GetProperty("disputeResolutionRate").GetDouble(), 0.75, 0.99);
        Assert.InRange(root.GetProperty("petitions").GetProperty("received").GetInt32(), 5, 30);
        Assert.InRange(root.GetProperty("gridEvents").GetProperty("collected").GetInt32(), 200, 365);
        Assert.InRange(root.GetProperty("streakDays").GetProperty("noCases").GetInt32(), 200, 340);
        Assert.Equal(364, root.GetProperty("streakDays").GetProperty("noCults").GetInt32());
    }

    [Fact]
    public void This_years_demo_stops_at_today()
    {
        using var station = new TestStation(); // clock: 2026-03-10
        station.Ok("records", "seed-demo", "--village", "杨柳村");

        using var doc = JsonDocument.Parse(station.Ok("records", "list", "--json"));

        Assert.All(doc.RootElement.EnumerateArray(), r =>
            Assert.True(string.CompareOrdinal(r.GetProperty("fields").GetProperty("reportedAt").GetString(), "2026-03-10T01:00:00Z") <= 0));
    }
}
