using System.Diagnostics;
using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli.Camera;

// Zones and tamper checks of `camera analyze` on the shipped clip (768×576, 10 fps, 10 s) with the real ffmpeg and
// YOLOX-Nano. The zone "road" is the road on the right of the picture, where walkers come and go; the clip is dated
// with --at so that the schedules are read at a known station-local time (Asia/Shanghai).
public sealed class CameraAnalyzeRulesTests : IDisposable
{
    private const string Road = "road:450,200,768,200,768,480,450,480";
    private const string Evenings = "road:daily 18:00-24:00";
    private readonly TestStation station = new();

    private static string Clip => Path.Combine(AppContext.BaseDirectory, "samples", "pedestrians-10s.avi");

    [Fact]
    public void Walkers_entering_an_armed_zone_are_zone_enter_events_that_alert()
    {
        var events = Events(station.Ok("camera", "analyze", Clip, "--json", "--zone", Road, "--armed", Evenings, "--at", "2026-12-04T18:30"));

        var enters = events.Where(e => e.GetProperty("event").GetString() == "zone-enter").ToList();
        Assert.InRange(enters.Count, 4, 8);
        Assert.All(enters, e => Assert.True(e.GetProperty("armed").GetBoolean() && e.GetProperty("alert").GetBoolean()));
        Assert.All(enters, e => Assert.Equal("road", e.GetProperty("zone").GetString()));
        Assert.Equal(enters.Count, enters.Select(e => e.GetProperty("track").GetInt32()).Distinct().Count());
    }

    [Fact]
    public void Outside_the_schedule_the_same_walkers_enter_but_nothing_alerts()
    {
        var events = Events(station.Ok("camera", "analyze", Clip, "--json", "--zone", Road, "--armed", Evenings, "--at", "2026-12-04T12:00"));

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.False(e.GetProperty("armed").GetBoolean() || e.GetProperty("alert").GetBoolean()));
    }

    [Fact]
    public void With_a_dwell_time_only_those_who_stay_loiter_and_only_the_loiter_alerts()
    {
        var events = Events(station.Ok("camera", "analyze", Clip, "--json", "--zone", Road, "--dwell", "road:3", "--at", "2026-12-04T12:00"));

        var loiters = events.Where(e => e.GetProperty("event").GetString() == "loiter").ToList();
        Assert.NotEmpty(loiters);
        Assert.All(loiters, l => Assert.True(l.GetProperty("alert").GetBoolean() && l.GetProperty("dwell").GetDouble() >= 3));
        Assert.All(events.Where(e => e.GetProperty("event").GetString() == "zone-enter"), e => Assert.False(e.GetProperty("alert").GetBoolean()));
        Assert.True(loiters.Count < events.Count(e => e.GetProperty("event").GetString() == "zone-enter"), "someone passed through without loitering");
    }

    [Fact]
    public void The_pedestrian_clip_raises_no_tamper_event()
    {
        Assert.DoesNotContain(Events(station.Ok("camera", "analyze", Clip, "--json")), e => e.GetProperty("event").GetString() == "tamper");
    }

    [Theory]
    [InlineData("drawbox=enable='gte(t,4)':x=0:y=0:w=iw:h=ih:color=black:t=fill", "covered")]
    [InlineData("boxblur=enable='gte(t,4)':luma_radius=6:chroma_radius=6", "defocused")]
    [InlineData("scroll=enable='gte(t,4)':h=0:v=0:hpos=0.25:vpos=0.1", "moved")]
    public void A_camera_covered_defocused_or_moved_after_4_s_is_one_tamper_event_3_s_later(string filter, string kind)
    {
        var path = Path.Combine(station.DataDir, $"{kind}.avi");
        Ffmpeg("-i", Clip, "-vf", filter, "-c:v", "mpeg4", "-q:v", "3", path);

        var tamper = Assert.Single(Events(station.Ok("camera", "analyze", path, "--json")));

        Assert.Equal(("tamper", kind, "begin"), (tamper.GetProperty("event").GetString(), tamper.GetProperty("kind").GetString(), tamper.GetProperty("state").GetString()));
        Assert.InRange(tamper.GetProperty("t").GetDouble(), 7, 7.6);
    }

    [Fact]
    public void Without_json_zones_and_tamper_are_summed_up_in_words()
    {
        var text = station.Ok("camera", "analyze", Clip, "--zone", Road, "--at", "2026-12-04T18:30");

        Assert.Matches(@"road: \d+ entered, \d+ alerts", text);
        Assert.Contains("tamper: none", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--zone", "road", "NAME:X1,Y1")]
    [InlineData("--zone", "road:1,2,3,4", "at least three corners")]
    [InlineData("--zone", ":1,2,3,4,5,9", "a name of 1 to 32 characters")]
    [InlineData("--zone", "road:0,0,10,10,20,20", "on one line")]
    [InlineData("--armed", "yard:daily 18:00-24:00", "there is no --zone yard")]
    [InlineData("--armed", "road:daily 22:00-06:00", "ends before it starts")]
    [InlineData("--dwell", "road:-5", "not a number of seconds")]
    [InlineData("--dwell", "road:soon", "not a number of seconds")]
    [InlineData("--at", "tonight", "YYYY-MM-DDTHH:MM")]
    public void Bad_rules_are_usage_errors_that_say_what_is_wrong(string option, string value, string reason)
    {
        var args = option == "--zone" ? new[] { "camera", "analyze", Clip, option, value } : ["camera", "analyze", Clip, "--zone", Road, option, value];

        var r = station.Run(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(reason, r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void A_zone_given_twice_is_a_usage_error()
    {
        var r = station.Run("camera", "analyze", Clip, "--zone", Road, "--zone", Road);

        Assert.Equal(2, r.Exit);
        Assert.Contains("--zone road is given twice", r.Err, StringComparison.Ordinal);
    }

    public void Dispose() => station.Dispose();

    private static List<JsonElement> Events(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).Where(l => l.TryGetProperty("event", out _))];

    private static void Ffmpeg(params string[] args)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-hide_banner", "-loglevel", "error", "-y", .. args])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg failed: {error}");
    }
}
