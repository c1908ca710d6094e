using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli.Camera;

// `camera analyze` on the shipped clip (source frames 150–249 of vtest.avi, 768×576, 10 fps) with the
// real ffmpeg and the real YOLOX-Nano. The line is the one hand-labelled in
// tests/EdgeStation.Vision.Tests/Labels: in the clip's stretch people cross it at source frames 155 (backward),
// 172 (forward), 187 (backward), 188 (forward) and 223 (backward), i.e. clip frames 5, 22, 37, 38, 73.
public sealed class CameraAnalyzeCommandTests : IDisposable
{
    private const string Line = "560,480,560,100";
    private readonly TestStation station = new();

    private static string Clip => Path.Combine(AppContext.BaseDirectory, "samples", "pedestrians-10s.avi");

    [Fact]
    public void At_the_source_rate_every_frame_has_its_json_line()
    {
        var frames = FrameLines(station.Ok("camera", "analyze", Clip, "--json"));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), frames.Select(f => f.GetProperty("frame").GetInt64()));
        Assert.All(frames, f => Assert.Equal(f.GetProperty("frame").GetInt64() / 10.0, f.GetProperty("t").GetDouble(), 3));
        // Clip frame 50 is vtest frame 200: seven walkers, counted by hand.
        Assert.InRange(frames[50].GetProperty("persons").GetInt32(), 6, 8);
    }

    [Fact]
    public void At_5_fps_every_other_source_frame_is_analysed_and_named_by_its_source_index()
    {
        var frames = FrameLines(station.Ok("camera", "analyze", Clip, "--json", "--fps", "5"));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)(2 * i)), frames.Select(f => f.GetProperty("frame").GetInt64()));
    }

    [Fact]
    public void Line_crossings_come_as_event_lines_with_direction_and_running_counts()
    {
        var lines = Parse(station.Ok("camera", "analyze", Clip, "--json", "--line", Line));
        var crossings = lines.Where(l => l.TryGetProperty("event", out var e) && e.GetString() == "line-cross").ToList();

        Assert.Equal(2, crossings.Count(c => c.GetProperty("direction").GetString() == "forward"));
        Assert.Equal(3, crossings.Count(c => c.GetProperty("direction").GetString() == "backward"));
        Assert.All(crossings, c => Assert.Equal("line1", c.GetProperty("line").GetString()));
        var last = crossings[^1];
        Assert.Equal((2, 3), (last.GetProperty("forward").GetInt32(), last.GetProperty("backward").GetInt32()));
    }

    [Fact]
    public void Without_json_it_prints_a_summary_in_words()
    {
        var text = station.Ok("camera", "analyze", Clip, "--line", Line);

        Assert.Contains("analysed 100 frames", text, StringComparison.Ordinal);
        Assert.Contains("line1: 2 forward, 3 backward", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_file_is_an_input_error()
    {
        var path = Path.Combine(station.DataDir, "corrupt.avi");
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var r = station.Run("camera", "analyze", path, "--json");

        Assert.Equal(2, r.Exit);
        Assert.Contains(path, r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var r = station.Run("camera", "analyze", Path.Combine(station.DataDir, "nowhere.avi"));

        Assert.Equal(2, r.Exit);
        Assert.Contains("no such file", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_is_an_environment_error_that_names_the_file()
    {
        var model = Path.Combine(station.DataDir, "models", "yolox_nano.onnx");

        var r = station.Run("camera", "analyze", Clip, "--json", "--model", model);

        Assert.Equal(3, r.Exit);
        Assert.Contains($"detector model not found: {model}", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("--fps", "0")]
    [InlineData("--fps", "-3")]
    [InlineData("--line", "1,2,3")]
    [InlineData("--line", "5,5,5,5")]
    [InlineData("--line", "a,b,c,d")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var r = station.Run("camera", "analyze", Clip, option, value);

        Assert.Equal(2, r.Exit);
        Assert.StartsWith("error:", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    public void Dispose() => station.Dispose();

    private static List<JsonElement> Parse(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static List<JsonElement> FrameLines(string output) =>
        [.. Parse(output).Where(l => l.TryGetProperty("frame", out _) && !l.TryGetProperty("event", out _))];
}
