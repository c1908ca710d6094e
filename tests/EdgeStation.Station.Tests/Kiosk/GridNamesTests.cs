using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Config;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>Grids showed as "grid-3" on the kiosk (issue 14, section 6): station.json names them.</summary>
public sealed class GridNamesTests
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal) { ["grid-1"] = "东头组", ["grid-2"] = "西头组" };

    [Fact]
    public async Task Regression_GridsShowedAsTheirIds()
    {
        var config = new StationConfig(new StationSettings(), "杨柳村", null) { GridNames = Names };
        await using var station = await ApiStation.StartAsync(config);
        var official = await station.SignedInAsync("official", Role.Official);
        var created = await official.PostAsync("/api/records", ApiStation.Json("""{"type":"dispute","fields":{"category":"neighbours","parties":"2","grid":"grid-2"}}"""));
        created.EnsureSuccessStatusCode();

        var list = await official.GetStringAsync("/records/dispute");
        var record = await official.GetStringAsync("/record/DS-2026-0001");
        var form = await official.GetStringAsync("/records/dispute/new");

        Assert.Contains("<td>西头组</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain(">grid-2<", list, StringComparison.Ordinal);
        Assert.Contains("西头组", record, StringComparison.Ordinal);
        Assert.Contains("<option value=\"grid-1\">东头组</option>", form, StringComparison.Ordinal);
        Assert.Equal("grid-2", station.Store.Find("DS-2026-0001")!.Text("grid")); // the ledger keeps the id
    }

    [Fact]
    public void Station_json_names_grids_and_refuses_a_name_with_control_characters()
    {
        var good = StationConfigLoader.Parse("""{ "grids": { "grid-1": " 东头组 " } }""", "station.json");
        var bad = Assert.Throws<UsageException>(() => StationConfigLoader.Parse("{ \"grids\": { \"grid-1\": \"东\\u001b[2J\" } }", "station.json"));

        Assert.Equal("东头组", good.GridNames["grid-1"]);
        Assert.Contains("grids", bad.Message, StringComparison.Ordinal);
    }
}
