using System.Text.RegularExpressions;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Config;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

public sealed partial class DoorConfigTests
{
    private static string Repo([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    private static string Config(string doors, string buttons = "[]") =>
        $$"""{ "access": { "gpio": "simulated", "doors": {{doors}}, "alarmButtons": {{buttons}} } }""";

    [Fact]
    public void Example_configuration_uses_exactly_the_lines_of_the_pin_map()
    {
        var json = File.ReadAllText(Path.Combine(Repo(), "hardware", "station.example.json"));
        var access = StationConfigLoader.Parse(json, "station.example.json").Access;
        var used = access.Doors.SelectMany(d => d.Pins().Select(p => p.Pin)).Concat(access.AlarmButtons.Select(b => b.Input.Pin)).Order().ToList();
        var map = File.ReadAllLines(Path.Combine(Repo(), "hardware", "pinmap-rpi.md"))
            .Select(l => PinRow().Match(l)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(2, access.Doors.Count);
        Assert.Equal(2, access.AlarmButtons.Count);
        Assert.Equal(map, used);
    }

    [Fact]
    public void Demo_runs_the_example_configuration_on_the_simulated_chip()
    {
        var json = File.ReadAllText(Path.Combine(Repo(), "hardware", "station.example.json"));
        var example = StationConfigLoader.Parse(json, "station.example.json").Access;
        var demo = DemoDoors.Settings();
        Assert.True(demo.IsSimulated);
        Assert.Equal(example.Doors, demo.Doors);
        Assert.Equal("/dev/ttyUSB0", example.Osdp!.Device);
        Assert.True(demo.Osdp!.IsSimulated); // the demo's OSDP reader on a simulated bus
        Assert.Equal(example.Osdp.Readers, demo.Osdp.Readers);
    }

    [Theory]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 17, "contact": 17 }]""", "[]", "access.doors[0].contact: GPIO 17 is already used by access.doors[0].lock")]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 30 }]""", "[]", "GPIO 30 is not on the board")]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 17 }, { "id": 1, "name": "b", "lock": 18 }]""", "[]", "door 1 is configured twice")]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 17, "mode": "face" }]""", "[]", "face is never the only way in")]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 17, "readerIn": { "d0": 5 } }]""", "[]", "needs both data lines")]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 17, "failMode": "maybe" }]""", "[]", "failMode: must be")]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 17 }]""", """[{ "name": "p", "pin": 17 }]""", "GPIO 17 is already used")]
    [InlineData("""[{ "id": 1, "name": "a", "lock": 17 }]""", """[{ "name": "p", "pin": 4, "door": 3 }]""", "there is no door 3")]
    public void Bad_door_configuration_is_refused_naming_the_key(string doors, string buttons, string message)
    {
        var ex = Assert.Throws<UsageException>(() => StationConfigLoader.Parse(Config(doors, buttons), "station.json"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_with_a_pin_assigned_twice_exits_2_before_anything_starts()
    {
        using var station = new TestStation();
        var path = Path.Combine(station.DataDir, "bad.json");
        File.WriteAllText(path, Config("""[{ "id": 1, "name": "a", "lock": 17, "rex": 17 }]"""));
        var r = station.Run("--config", path, "run", "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, r.Exit);
        Assert.Contains("already used", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Door_commands_without_a_running_service_exit_3_and_say_so()
    {
        using var station = new TestStation();
        var r = station.Run("door", "list");
        Assert.Equal(3, r.Exit);
        Assert.Contains("no station service runs", r.Err, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\|\s*(\d+)\s*\|\s*\d+\s*\|")]
    private static partial Regex PinRow();
}
