using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Tests.Support;

namespace EdgeStation.Vision.Tests.Frames;

public sealed class FileSourceTests
{
    [Fact]
    public async Task A_generated_video_gives_every_frame_at_the_configured_size_named_by_source_index()
    {
        using var folder = new TempFolder();
        var path = TestMedia.GeneratedVideo(folder, seconds: 2, fps: 10);
        var statuses = new StatusLog();
        var source = new SupervisedFrameSource(new FrameSourceOptions { Input = path, Width = 160, Height = 120, Layout = PixelLayout.Gray8 }, TimeProvider.System, statuses.Add);

        var frames = await Collect(source);

        Assert.Equal(20, frames.Count);
        Assert.All(frames, f => Assert.Equal((160, 120, 160 * 120), (f.Width, f.Height, f.Pixels.Length)));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), frames.Select(f => f.Index));
        Assert.Equal(TimeSpan.FromSeconds(1.5), frames[15].Timestamp);
        Assert.Equal([SourceState.Started, SourceState.Ended], statuses.All.Select(s => s.State));
    }

    [Fact]
    public async Task The_pedestrian_clip_at_a_lower_rate_names_frames_by_their_index_in_the_source()
    {
        var source = new SupervisedFrameSource(new FrameSourceOptions { Input = TestMedia.PedestrianClip, Width = 416, Height = 312, Fps = 2 }, TimeProvider.System);

        var frames = await Collect(source);

        Assert.Equal(20, frames.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 5L * i), frames.Select(f => f.Index));
        Assert.All(frames, f => Assert.Equal(416 * 312 * 3, f.Pixels.Length));
        // Real picture, not a blank: the clip is a daylight scene.
        Assert.InRange(frames[0].Pixels.Average(b => b), 60, 200);
    }

    [Fact]
    public async Task A_file_ffmpeg_cannot_decode_is_an_input_error_not_a_restart_loop()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "corrupt.avi");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7919 % 251))]);
        var source = new SupervisedFrameSource(new FrameSourceOptions { Input = path, Width = 64, Height = 48, SourceFps = 10 }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<FrameSourceException>(() => Collect(source));

        Assert.False(error.IsEnvironment);
        Assert.Contains("corrupt.avi", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ffmpeg_is_an_environment_error_that_says_what_to_install()
    {
        var source = new SupervisedFrameSource(
            new FrameSourceOptions { Input = TestMedia.PedestrianClip, Width = 64, Height = 48, SourceFps = 10, FfmpegPath = "/nonexistent/ffmpeg" },
            TimeProvider.System);

        var error = await Assert.ThrowsAsync<FrameSourceException>(() => Collect(source));

        Assert.True(error.IsEnvironment);
        Assert.Contains("install ffmpeg", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<Frame>> Collect(IFrameSource source)
    {
        var frames = new List<Frame>();
        await foreach (var f in source.ReadFramesAsync(CancellationToken.None))
        {
            frames.Add(f);
        }

        return frames;
    }
}
