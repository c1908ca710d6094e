using EdgeStation.Access.Alarms;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>A station whose OSDP adapter is missing: it serves all the same, the reader is offline (alarm) and the bus is retried.</summary>
public sealed class OsdpMissingDeviceTests
{
    [Fact]
    public async Task A_missing_serial_adapter_raises_reader_offline_and_the_station_serves_on()
    {
        var demo = DemoDoors.Settings();
        var config = DoorStation.Config() with { Access = demo with { Osdp = demo.Osdp! with { Device = "/dev/edgestation-no-such-adapter" } } };
        await using var station = await ApiStation.StartAsync(config);
        var access = station.App.Services.GetService(typeof(AccessService)) as AccessService;

        var alarm = Assert.Single(access!.System.Board.Unacknowledged());
        Assert.Equal((AlarmKind.ReaderOffline, "OSDP reader 1 (正门 out)"), (alarm.Kind, alarm.Source));
        Assert.Equal(1, access.Osdp!.Supervisor.Crashes);
        var list = await station.CliAsync("door", "list");
        Assert.True(list.Exit == 0, list.Err);
        Assert.Contains("OSDP bus /dev/edgestation-no-such-adapter at 9600 baud, secure channel on: down (no serial device /dev/edgestation-no-such-adapter", list.Out, StringComparison.Ordinal);
        Assert.Contains("reader 1/0 at door 1 out: offline", list.Out, StringComparison.Ordinal);
        // The wired doors are untouched.
        var swipe = await station.CliAsync("door", "simulate", "swipe", "12:4242", "--door", "1");
        Assert.True(swipe.Exit == 0, swipe.Err);
    }
}
