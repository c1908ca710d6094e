using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Config;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// The OSDP reader inside the running service, as `edgestation demo` runs it: the front door's exit reader of
/// hardware/station.example.json on a simulated RS-485 bus with the secure channel, the site key in the data directory.
/// A card goes reader → bus → door decision → relay, and the decision comes back to the reader's LED and beeper.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OsdpServiceTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;
    private AccessService Access => _doors.Access;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync();

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    [Fact]
    public async Task A_card_on_the_osdp_reader_is_granted_end_to_end_and_the_reader_shows_green()
    {
        var r = await Station.CliAsync("door", "simulate", "swipe", "12:10001", "--door", "1", "--reader", "out");

        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("Granted", r.Out, StringComparison.Ordinal);
        Assert.Contains("OSDP reader 1: LED green, 1 beep(s)", r.Out, StringComparison.Ordinal);
        Assert.True(Access.System.Door(1)!.Logic.Outputs.Unlocked);
        Access.Log.WriteQueued();
        var e = Access.Log.Recent(1).Single().Event;
        Assert.Equal((AccessEventKind.Granted, "P-000001", "out"), (e.Kind, e.Person, e.Direction));
        // It went over the secure channel: the card number never crossed the bus in the clear.
        var reader = Access.Osdp!.Simulated[1];
        Assert.True(reader.SecureChannelUp);
    }

    [Fact]
    public async Task An_unknown_card_on_the_osdp_reader_is_refused_and_the_reader_shows_red()
    {
        var r = await Station.CliAsync("door", "simulate", "swipe", "12:4242", "--door", "1", "--reader", "out", "--json");

        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("Refused", doc.RootElement.GetProperty("events")[0].GetProperty("kind").GetString());
        Assert.Equal("red", doc.RootElement.GetProperty("osdpReader").GetProperty("led").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("osdpReader").GetProperty("beeps").GetInt32());
        Assert.False(Access.System.Door(1)!.Logic.Outputs.Unlocked);
    }

    [Fact]
    public async Task A_pin_on_the_osdp_readers_keypad_opens_a_card_or_pin_door()
    {
        var r = await Station.CliAsync("door", "simulate", "pin", DemoDoors.People[1].Pin, "--door", "1", "--reader", "out");

        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("LED green", r.Out, StringComparison.Ordinal);
        Assert.True(Access.System.Door(1)!.Logic.Outputs.Unlocked);
    }

    [Fact]
    public async Task Door_list_shows_the_bus_and_its_reader_online_over_the_secure_channel()
    {
        var text = await _doors.OkAsync("door", "list");

        Assert.Contains("OSDP bus simulated at 9600 baud, secure channel on: up, 0 restarts", text, StringComparison.Ordinal);
        Assert.Contains("reader 1/0 at door 1 out: online, secure channel up", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_key_is_owner_only_in_the_data_directory_and_never_printed()
    {
        var path = Path.Combine(Station.DataDir, OsdpSettings.KeyFile);
        var hex = File.ReadAllText(path).Trim();
        Assert.Matches("^[0-9A-F]{32}$", hex);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(Convert.FromHexString(hex), Access.Osdp!.Simulated[1].BaseKey);

        var engineer = await Station.SignedInAsync("eng", Role.Engineer);
        var seen = string.Join("\n", await _doors.OkAsync("door", "list", "--json"), await _doors.OkAsync("door", "list"), await engineer.GetStringAsync("/metrics"));
        Assert.DoesNotContain(hex, seen, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("edgestation_osdp_reader_online{address=\"1\"} 1", seen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("door 2 has no card reader on its out side", "swipe", "12:10001", "--door", "2", "--reader", "out")]
    [InlineData("--reader is in or out (got 'up')", "swipe", "12:10001", "--door", "1", "--reader", "up")]
    [InlineData("--reader goes with swipe and pin, not rex", "rex", "--door", "1", "--reader", "out")]
    public async Task Bad_reader_input_exits_2_and_changes_nothing(string message, params string[] args)
    {
        var leds = Access.Osdp!.Simulated[1].LedCommands.Count;

        var r = await Station.CliAsync(["door", "simulate", .. args]);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(0, Access.System.Grants + Access.System.Refusals);
        Assert.Equal(leds, Access.Osdp.Simulated[1].LedCommands.Count);
    }
}
