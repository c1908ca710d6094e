using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli.Camera;

// `camera add`, `camera list` and `camera probe` against a real data dir, station.json and ffprobe.
public sealed class CameraConfigCommandTests : IDisposable
{
    private readonly TestStation station = new();

    private static string Clip => Path.Combine(AppContext.BaseDirectory, "samples", "pedestrians-10s.avi");

    private string ConfigPath => Path.Combine(station.DataDir, "station.json");

    [Fact]
    public void An_added_camera_is_listed_with_its_zone_and_line_and_without_its_password()
    {
        var added = station.Ok("camera", "add", "--name", "村口", "--url", "rtsp://admin:s3cret@10.0.0.5/ch1", "--zone", "yard:0,0,100,0,100,100",
            "--armed", "yard:mon-fri 00:00-08:00,18:00-24:00; sat,sun 00:00-24:00; holiday 00:00-24:00", "--dwell", "yard:30", "--line", "560,480,560,100");

        Assert.Contains("camera 村口 added", added, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", added, StringComparison.Ordinal);
        var list = station.Ok("camera", "list");
        Assert.Contains("村口: rtsp://admin:***@10.0.0.5/ch1, 5 fps", list, StringComparison.Ordinal);
        Assert.Contains("zone yard: armed mon-fri 00:00-08:00,18:00-24:00; sat-sun 00:00-24:00; holiday 00:00-24:00, loiter after 30 s", list, StringComparison.Ordinal);
        Assert.Contains("line line1: 560,480 → 560,100", list, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", list, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_list_names_each_camera_its_kind_and_its_zones()
    {
        station.Ok("camera", "add", "--name", "村口", "--url", "rtsp://10.0.0.5/ch1");
        station.Ok("camera", "add", "--name", "广场", "--file", Clip, "--fps", "10", "--zone", "road:450,200,768,200,768,480,450,480");

        using var doc = JsonDocument.Parse(station.Ok("camera", "list", "--json"));
        var cameras = doc.RootElement.GetProperty("cameras");

        Assert.Equal(["村口", "广场"], cameras.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(["camera", "file"], cameras.EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal(10, cameras[1].GetProperty("fps").GetDouble());
        Assert.Equal("road", cameras[1].GetProperty("zones")[0].GetProperty("name").GetString());
        Assert.Equal(30, doc.RootElement.GetProperty("alertRetentionDays").GetInt32());
    }

    [Fact]
    public void Adding_keeps_every_other_key_of_station_json()
    {
        File.WriteAllText(ConfigPath, """{ "village": "东山村", "timeZone": "Asia/Shanghai", "sessions": { "idleMinutes": 5 } }""");

        station.Ok("camera", "add", "--name", "村口", "--url", "rtsp://10.0.0.5/ch1");

        using var doc = JsonDocument.Parse(File.ReadAllText(ConfigPath));
        Assert.Equal("东山村", doc.RootElement.GetProperty("village").GetString());
        Assert.Equal(5, doc.RootElement.GetProperty("sessions").GetProperty("idleMinutes").GetInt32());
        Assert.Single(doc.RootElement.GetProperty("cameras").EnumerateArray());
    }

    [Theory]
    [InlineData("--name|村口|--url|rtsp://10.0.0.6/ch1", "already a camera named '村口'")]
    [InlineData("--name|广场", "exactly one of --url and --file")]
    [InlineData("--name|广场|--url|rtsp://x/1|--file|/etc/hostname", "exactly one of --url and --file")]
    [InlineData("--name|广场|--url|ftp://10.0.0.6/x", "not a camera address")]
    [InlineData("--name|广场|--file|/nowhere/clip.avi", "no such file")]
    [InlineData("--name|广场|--url|rtsp://10.0.0.6/1|--fps|0", "--fps must be above 0")]
    [InlineData("--name|广场|--url|rtsp://10.0.0.6/1|--zone|road:1,2", "at least three corners")]
    [InlineData("--name|广场|--url|rtsp://10.0.0.6/1|--dwell|road:5", "there is no --zone road")]
    [InlineData("--name|广场|--url|rtsp://10.0.0.6/1|--line|1,1,1,1", "same point")]
    [InlineData("--name|一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三|--url|rtsp://10.0.0.6/1", "longer than 32")]
    public void A_refused_camera_exits_2_with_the_reason_and_leaves_station_json_as_it_was(string args, string reason)
    {
        station.Ok("camera", "add", "--name", "村口", "--url", "rtsp://10.0.0.5/ch1");
        var before = File.ReadAllText(ConfigPath);

        var r = station.Run(["camera", "add", .. args.Split('|')]);

        Assert.Equal(2, r.Exit);
        Assert.Contains(reason, r.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(ConfigPath));
    }

    [Fact]
    public void A_malformed_camera_in_station_json_is_named_by_its_key()
    {
        File.WriteAllText(ConfigPath, """{ "cameras": [ { "name": "村口", "url": "rtsp://10.0.0.5/1", "zones": [ { "name": "yard", "corners": "0,0,1,1" } ] } ] }""");

        var r = station.Run("camera", "list");

        Assert.Equal(2, r.Exit);
        Assert.Contains("cameras[0].zones[0].corners", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_says_codec_size_and_rate_in_words()
    {
        Assert.Contains("MS-MPEG4 v3 (DivX 3) video, 768×576 pixels, 10 frames per second", station.Ok("camera", "probe", Clip), StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(station.Ok("camera", "probe", Clip, "--json"));
        Assert.Equal(("msmpeg4v3", 768, 576, 10.0), (doc.RootElement.GetProperty("codec").GetString(), doc.RootElement.GetProperty("width").GetInt32(),
            doc.RootElement.GetProperty("height").GetInt32(), doc.RootElement.GetProperty("fps").GetDouble()));
    }

    [Fact]
    public void Probing_a_file_that_is_no_video_is_an_input_error()
    {
        var path = Path.Combine(station.DataDir, "notes.avi");
        File.WriteAllText(path, "not a video");

        var r = station.Run("camera", "probe", path);

        Assert.Equal(2, r.Exit);
        Assert.Contains("no readable video stream", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Probing_a_camera_that_does_not_answer_is_an_environment_error_without_the_password()
    {
        var r = station.Run("camera", "probe", "rtsp://admin:s3cret@127.0.0.1:1/ch1");

        Assert.Equal(3, r.Exit);
        Assert.Contains("rtsp://admin:***@127.0.0.1:1/ch1", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_camera_command_has_help()
    {
        foreach (var sub in new[] { "add", "list", "probe", "analyze" })
        {
            Assert.Contains("Usage:", station.Ok("camera", sub, "--help"), StringComparison.Ordinal);
        }
    }

    public void Dispose() => station.Dispose();
}
