using System.Net;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// The doors inside the running service, as `edgestation demo` runs them: the reference wiring
/// (hardware/station.example.json) on the simulated chip, the demo's people, and the CLI going through the local API.
/// </summary>
public sealed class DoorServiceTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;
    private AccessService Access => _doors.Access;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync();

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    /// <summary>Runs `door …` through the running service (the simulated readers end each burst at once: no clock to move).</summary>
    private Task<CliResult> Door(params string[] args) => Station.CliAsync(["door", .. args]);

    [Fact]
    public async Task Swipe_of_an_enrolled_card_is_granted_and_opens_the_relay()
    {
        var r = await Door("simulate", "swipe", "12:10001", "--door", "1");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Contains("Granted", r.Out, StringComparison.Ordinal);
        Assert.Contains("door 1 is unlocked", r.Out, StringComparison.Ordinal);
        Assert.True(Access.System.Door(1)!.Logic.Outputs.Unlocked);
    }

    [Fact]
    public async Task Card_then_pin_opens_the_card_and_pin_archive_door()
    {
        var card = await Door("simulate", "swipe", "12:10002", "--door", "2");
        Assert.Contains("waits for the card holder's PIN", card.Out, StringComparison.Ordinal);
        Assert.False(Access.System.Door(2)!.Logic.Outputs.Unlocked);
        var pin = await Door("simulate", "pin", "1357", "--door", "2");
        Assert.True(pin.Exit == 0, pin.Err);
        Assert.Contains("Granted", pin.Out, StringComparison.Ordinal);
        Assert.True(Access.System.Door(2)!.Logic.Outputs.Unlocked);
    }

    [Theory]
    [InlineData("there is no door '9'", "simulate", "swipe", "12:10001", "--door", "9")]
    [InlineData("not a card number", "simulate", "swipe", "abc", "--door", "1")]
    [InlineData("a PIN is 4–8 digits", "simulate", "pin", "12", "--door", "1")]
    [InlineData("not something to simulate", "simulate", "fly", "--door", "1")]
    [InlineData("needs the card", "simulate", "swipe", "--door", "1")]
    [InlineData("takes no value", "simulate", "rex", "now", "--door", "1")]
    [InlineData("--limit must be", "events", "--limit", "0")]
    [InlineData("carries card numbers up to 65535", "simulate", "swipe", "12:99999", "--door", "1")]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing(string message, params string[] args)
    {
        var r = await Door(args);
        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(0, Access.System.Grants + Access.System.Refusals);
        Assert.Equal(0, Access.Log.Stats.Waiting);
    }

    [Fact]
    public async Task Door_events_lists_grants_refusals_and_the_exit_button_newest_first()
    {
        await Door("simulate", "swipe", "12:10001", "--door", "1");
        await Door("simulate", "swipe", "12:9999", "--door", "1");
        await Door("simulate", "rex", "--door", "1");
        Access.Log.WriteQueued();
        var r = await Door("events", "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        var kinds = doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Exit", "Refused", "Granted"], kinds);
        var text = await Door("events", "--door", "1");
        Assert.Contains("UnknownCard", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alarm_button_shows_on_the_api_until_acknowledged_and_the_log_names_who()
    {
        var r = await Door("simulate", "alarm", "--door", "1");
        Assert.True(r.Exit == 0, r.Err);
        var client = await Station.SignedInAsync("wang", Role.Official);
        using var alarms = JsonDocument.Parse(await client.GetStringAsync("/api/alarms"));
        var alarm = Assert.Single(alarms.RootElement.GetProperty("alarms").EnumerateArray());
        Assert.Equal("Panic", alarm.GetProperty("kind").GetString());
        var ack = await client.PostAsync($"/api/alarms/{alarm.GetProperty("id").GetInt64()}/ack", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Empty(Access.System.Board.Unacknowledged());
        Access.Log.WriteQueued();
        var acknowledged = Assert.Single(Access.Log.Recent(10), e => e.Event.Kind == Domain.Doors.AccessEventKind.AlarmAcknowledged);
        Assert.Equal("user:wang", acknowledged.Event.Actor);
    }

    [Fact]
    public async Task Metrics_count_grants_refusals_rejected_frames_alarms_and_log_drops()
    {
        await Door("simulate", "swipe", "12:10001", "--door", "1");
        await Door("simulate", "swipe", "12:9999", "--door", "1");
        var client = await Station.SignedInAsync("eng", Role.Engineer);
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Equal(
            [
                "edgestation_door_grants_total{door=\"1\"} 1", "edgestation_door_grants_total{door=\"2\"} 0",
                "edgestation_door_refusals_total{door=\"1\"} 1", "edgestation_door_refusals_total{door=\"2\"} 0",
                "edgestation_wiegand_rejected_frames_total{door=\"1\"} 0", "edgestation_wiegand_rejected_frames_total{door=\"2\"} 0",
                "edgestation_alarms_total{kind=\"Panic\"} 0",
                "edgestation_access_log_dropped_total 0",
            ],
            metrics.Split('\n').Where(l => l.Contains("door=", StringComparison.Ordinal) || l.Contains("Panic", StringComparison.Ordinal) || l.StartsWith("edgestation_access_log_dropped", StringComparison.Ordinal)));
    }
}
