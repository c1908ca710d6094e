using System.Text.Json;
using EdgeStation.Station.Tests.Cli;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cameras;

// `camera status` and `camera alerts` against the demo's running service (its camera plays the shipped clip).
public sealed class CameraServiceCommandTests
{
    [Fact]
    public async Task The_demo_runs_one_camera_with_a_zone_and_a_counting_line()
    {
        using var station = new TestStation();
        await using var demo = new ServingCli(station, "demo", "--port", "0");
        await demo.LineAsync("  camera ");

        using var doc = JsonDocument.Parse(station.Ok("camera", "status", "--json"));
        var camera = Assert.Single(doc.RootElement.GetProperty("cameras").EnumerateArray());

        Assert.Equal("广场", camera.GetProperty("name").GetString());
        Assert.EndsWith("pedestrians-10s.avi", camera.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains(camera.GetProperty("state").GetString(), new[] { "starting", "watching" });
        Assert.Equal(30, doc.RootElement.GetProperty("retentionDays").GetInt32());
        Assert.Contains("广场:", station.Ok("camera", "status"), StringComparison.Ordinal);
        Assert.Equal(0, await demo.StopAsync());
    }

    [Fact]
    public async Task Alerts_are_listed_and_acknowledging_an_unknown_alert_is_an_input_error()
    {
        using var station = new TestStation();
        await using var demo = new ServingCli(station, "demo", "--port", "0");
        await demo.LineAsync("  camera ");

        using var doc = JsonDocument.Parse(station.Ok("camera", "alerts", "--json"));
        Assert.True(doc.RootElement.TryGetProperty("alerts", out _));
        var r = station.Run("camera", "alerts", "ack", "999999");

        Assert.Equal(2, r.Exit);
        Assert.Contains("there is no camera alert '999999'", r.Err, StringComparison.Ordinal);
        Assert.Equal(2, station.Run("camera", "alerts", "--limit", "0").Exit);
        Assert.Equal(0, await demo.StopAsync());
    }

    [Fact]
    public void Without_a_running_service_status_and_alerts_say_so_with_exit_3()
    {
        using var station = new TestStation();

        var status = station.Run("camera", "status");
        var alerts = station.Run("camera", "alerts");

        Assert.Equal((3, 3), (status.Exit, alerts.Exit));
        Assert.Contains("the cameras run in the service", status.Err, StringComparison.Ordinal);
    }
}
