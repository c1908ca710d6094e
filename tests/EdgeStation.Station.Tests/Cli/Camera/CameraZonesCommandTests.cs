using System.Text.Json;
using EdgeStation.Station.Config;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli.Camera;

// `camera zones` against a real data dir and station.json: list, add and remove a camera's zones and lines in fractions
// of the picture; bad input is exit 2 and leaves the file byte for byte as it was.
public sealed class CameraZonesCommandTests : IDisposable
{
    private readonly TestStation station = new();

    public CameraZonesCommandTests()
    {
        station.Ok("camera", "add", "--name", "村口", "--url", "rtsp://10.0.0.5/ch1", "--zone", "yard:0,0,100,0,100,100");
    }

    private string ConfigPath => Path.Combine(station.DataDir, "station.json");

    [Fact]
    public void A_zone_added_in_fractions_is_listed_and_the_service_scales_it_to_any_stream_size()
    {
        var added = station.Ok("camera", "zones", "add", "--camera", "村口", "--zone", "档案室院子", "--polygon", "0.5,0.25,1,0.25,1,1,0.5,1",
            "--armed", "mon-fri 00:00-08:00,18:00-24:00; sat,sun 00:00-24:00", "--dwell", "30");

        Assert.Contains("zone 档案室院子 added to camera 村口", added, StringComparison.Ordinal);
        var list = station.Ok("camera", "zones", "--camera", "村口");
        Assert.Contains("zone yard: 0,0,100,0,100,100 (pixels)", list, StringComparison.Ordinal);
        Assert.Contains("zone 档案室院子: 0.5,0.25,1,0.25,1,1,0.5,1 (fractions); armed mon-fri 00:00-08:00,18:00-24:00; sat-sun 00:00-24:00;", list, StringComparison.Ordinal);
        Assert.Contains(", loiter after 30 s", list, StringComparison.Ordinal);
        var camera = StationConfigLoader.Load(ConfigPath, station.DataDir, _ => null).Cameras.Cameras.Single();
        var (_, zones) = camera.Scaled(1920, 1080, 416, 234);
        Assert.Equal([(208, 58.5), (416, 58.5), (416, 234), (208, 234)], Rounded(zones[1]));
        Assert.Equal([(0, 0), (21.67, 0), (21.67, 21.67)], Rounded(zones[0])); // pixels, as before
    }

    [Theory]
    [InlineData("right", "0.7,0.8,0.7,0.2")]
    [InlineData("left", "0.7,0.2,0.7,0.8")]
    public void A_line_is_stored_so_that_the_asked_way_is_forward(string way, string stored)
    {
        station.Ok("camera", "zones", "add", "--camera", "村口", "--line", "路口", "--points", "0.7,0.2,0.7,0.8", "--forward", way);

        using var doc = JsonDocument.Parse(station.Ok("camera", "zones", "--camera", "村口", "--json"));
        var line = doc.RootElement.GetProperty("lines")[0];
        Assert.Equal(("路口", "fraction", stored, way), (line.GetProperty("name").GetString(), line.GetProperty("units").GetString(),
            line.GetProperty("points").GetString(), line.GetProperty("forward").GetString()));
    }

    [Fact]
    public void Removing_a_zone_keeps_the_rest_of_station_json()
    {
        station.Ok("camera", "zones", "add", "--camera", "村口", "--zone", "河边", "--polygon", "0,0.5,1,0.5,1,1");
        station.Ok("camera", "add", "--name", "广场", "--url", "rtsp://10.0.0.6/ch1");

        var removed = station.Ok("camera", "zones", "remove", "--camera", "村口", "--zone", "yard");

        Assert.Contains("zone yard removed from camera 村口", removed, StringComparison.Ordinal);
        var cameras = StationConfigLoader.Load(ConfigPath, station.DataDir, _ => null).Cameras.Cameras;
        Assert.Equal(["河边"], cameras[0].Zones.Select(z => z.Name));
        Assert.Equal(["村口", "广场"], cameras.Select(c => c.Name));
    }

    [Theory]
    [InlineData("add|--camera|东门|--zone|z|--polygon|0,0,1,0,1,1", "no camera named '东门'")]
    [InlineData("add|--camera|村口|--zone|z|--polygon|0,0,1,1", "at least three corners")]
    [InlineData("add|--camera|村口|--zone|z|--polygon|0,0,1.5,0,1,1", "1.5 is outside")]
    [InlineData("add|--camera|村口|--zone|z|--polygon|0,0,-0.1,0,1,1", "-0.1 is outside")]
    [InlineData("add|--camera|村口|--zone|z|--polygon|0,0,0.5,0.5,1,1", "no area")]
    [InlineData("add|--camera|村口|--zone|yard|--polygon|0,0,1,0,1,1", "already has a zone named 'yard'")]
    [InlineData("add|--camera|村口|--zone|z", "needs --polygon")]
    [InlineData("add|--camera|村口|--zone|z|--polygon|0,0,1,0,1,1|--armed|sometimes", "--armed")]
    [InlineData("add|--camera|村口|--zone|z|--polygon|0,0,1,0,1,1|--dwell|100000", "--dwell must be 0–86400")]
    [InlineData("add|--camera|村口|--line|l|--points|0,0,2,1", "2 is outside")]
    [InlineData("add|--camera|村口|--line|l|--points|0.5,0.5,0.5,0.5", "same point")]
    [InlineData("add|--camera|村口|--line|l|--points|0.5,0,0.5,1|--forward|down", "nobody crosses it that way")]
    [InlineData("add|--camera|村口|--line|l|--points|0.5,0,0.5,1|--forward|north", "right, left, down or up")]
    [InlineData("add|--camera|村口", "either --zone NAME with --polygon, or --line NAME with --points")]
    [InlineData("remove|--camera|村口|--zone|河边", "has no zone named '河边'")]
    [InlineData("remove|--camera|村口", "one of --zone NAME and --line NAME")]
    public void Bad_input_exits_2_with_the_reason_and_leaves_station_json_as_it_was(string args, string reason)
    {
        var before = File.ReadAllText(ConfigPath);

        var r = station.Run(["camera", "zones", .. args.Split('|')]);

        Assert.Equal(2, r.Exit);
        Assert.Contains(reason, r.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void Listing_the_zones_of_an_unknown_camera_is_exit_2()
    {
        var r = station.Run("camera", "zones", "--camera", "东门");

        Assert.Equal(2, r.Exit);
        Assert.Contains("no camera named '东门'", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_area_outside_the_picture_written_by_hand_is_named_by_its_key()
    {
        File.WriteAllText(ConfigPath, """{ "cameras": [ { "name": "村口", "url": "rtsp://10.0.0.5/1", "zones": [ { "name": "yard", "area": "0,0,1,0,1,7" } ] } ] }""");

        var r = station.Run("camera", "list");

        Assert.Equal(2, r.Exit);
        Assert.Contains("cameras[0].zones[0].area", r.Err, StringComparison.Ordinal);
    }

    public void Dispose() => station.Dispose();

    private static List<(double, double)> Rounded(Vision.Zones.CameraZone zone) =>
        [.. zone.Area.Points.Select(p => (Math.Round(p.X, 2), Math.Round((double)p.Y, 2)))];
}
