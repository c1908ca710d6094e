using System.Diagnostics;
using System.Threading.Channels;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Vision.Tests.Frames;

/// <summary>
/// A camera's decoder dies or stalls; the source restarts it after a backoff and reports a lost
/// stream. Real ffmpeg processes; only time is fake, so no test waits for a real second.
/// </summary>
public sealed class LiveSourceSupervisionTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_killed_decoder_is_restarted_after_the_backoff_and_frames_flow_again()
    {
        var time = new FakeTimeProvider();
        var statuses = new StatusLog();
        var options = Generated() with { RestartDelay = TimeSpan.FromSeconds(2) };
        using var stop = new CancellationTokenSource();
        var frames = Channel.CreateUnbounded<Frame>();
        var reading = Pump(new SupervisedFrameSource(options, time, statuses.Add), frames.Writer, stop.Token);

        var first = await statuses.NextAsync(SourceState.Started);
        await frames.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        using (var decoder = Process.GetProcessById(first.ProcessId!.Value))
        {
            decoder.Kill();
        }

        await statuses.NextAsync(SourceState.DecoderExited);
        var restarting = await statuses.NextAsync(SourceState.Restarting);
        Assert.Equal(TimeSpan.FromSeconds(2), restarting.RetryIn);
        Assert.DoesNotContain(statuses.All, s => s.State == SourceState.Started && s != first);

        time.Advance(TimeSpan.FromSeconds(2));
        var second = await statuses.NextAsync(SourceState.Started);
        Assert.NotEqual(first.ProcessId, second.ProcessId);
        while (frames.Reader.TryRead(out _))
        {
        }

        var after = await frames.Reader.ReadAsync().AsTask().WaitAsync(Guard);
        Assert.Equal(160 * 120, after.Pixels.Length);

        await stop.CancelAsync();
        await reading;
    }

    [Fact]
    public async Task A_decoder_that_keeps_failing_waits_twice_as_long_each_time_up_to_the_limit()
    {
        var time = new FakeTimeProvider();
        var statuses = new StatusLog();
        var options = new FrameSourceOptions
        {
            Input = "/nonexistent/camera.avi",
            Live = true,
            Width = 64,
            Height = 48,
            RestartDelay = TimeSpan.FromSeconds(1),
            MaxRestartDelay = TimeSpan.FromSeconds(4),
        };
        using var stop = new CancellationTokenSource();
        var reading = Pump(new SupervisedFrameSource(options, time, statuses.Add), Channel.CreateUnbounded<Frame>().Writer, stop.Token);

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var r = await statuses.NextAsync(SourceState.Restarting);
            waits.Add(r.RetryIn!.Value);
            time.Advance(r.RetryIn.Value);
        }

        Assert.Equal([1, 2, 4, 4], waits.Select(w => w.TotalSeconds));
        await stop.CancelAsync();
        await reading;
    }

    [Fact]
    public async Task A_stream_that_gives_no_frame_is_reported_lost_and_its_decoder_restarted()
    {
        using var folder = new TempFolder();
        // A named pipe nobody writes to: ffmpeg opens it and waits for data forever, like a
        // camera that accepted the connection and then went silent.
        var fifo = Path.Combine(folder.Path, "silent-camera");
        TestMedia.Run("mkfifo", fifo);
        var time = new FakeTimeProvider();
        var statuses = new StatusLog();
        var options = new FrameSourceOptions { Input = fifo, Live = true, Width = 64, Height = 48, StallTimeout = TimeSpan.FromSeconds(10) };
        using var stop = new CancellationTokenSource();
        var reading = Pump(new SupervisedFrameSource(options, time, statuses.Add), Channel.CreateUnbounded<Frame>().Writer, stop.Token);

        var started = await statuses.NextAsync(SourceState.Started);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.DoesNotContain(statuses.All, s => s.State == SourceState.StreamLost);
        time.Advance(TimeSpan.FromSeconds(1));

        var lost = await statuses.NextAsync(SourceState.StreamLost);
        Assert.Equal(started.ProcessId, lost.ProcessId);
        await statuses.NextAsync(SourceState.Restarting);

        await stop.CancelAsync();
        await reading;
    }

    private static FrameSourceOptions Generated() => new()
    {
        Input = "testsrc=size=320x240:rate=10",
        InputFormat = "lavfi",
        Live = true,
        Width = 160,
        Height = 120,
        Layout = PixelLayout.Gray8,
    };

    private static async Task Pump(IFrameSource source, ChannelWriter<Frame> frames, CancellationToken stop)
    {
        try
        {
            await foreach (var f in source.ReadFramesAsync(stop))
            {
                frames.TryWrite(f);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped by the test.
        }
    }
}
