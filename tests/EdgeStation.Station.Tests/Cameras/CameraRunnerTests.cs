using System.Diagnostics;
using EdgeStation.Domain.Calendar;
using EdgeStation.Station.Cameras;
using EdgeStation.Storage.Cameras;
using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Zones;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Cameras;

// One camera run as the service runs it: real ffmpeg (files played at their own pace, as a camera sends), the real
// detector and a real alert store; the station's clock is fake (schedules, alert times, retry delays).
public sealed class CameraRunnerTests : IDisposable
{
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(2);
    private readonly string dir = Directory.CreateTempSubdirectory("edgestation-camera-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)); // 20:00 in Shanghai
    private readonly CameraAlertStore store;

    public CameraRunnerTests()
    {
        store = new CameraAlertStore(dir, TimeSpan.FromDays(30), 100_000_000);
    }

    private static string Clip => Path.Combine(AppContext.BaseDirectory, "samples", "pedestrians-10s.avi");

    [Fact]
    public async Task Someone_loitering_in_an_armed_zone_is_an_alert_with_a_jpeg_snapshot()
    {
        var zone = new CameraZone("路面", new Polygon([(450, 200), (768, 200), (768, 480), (450, 480)]))
        {
            Dwell = TimeSpan.FromSeconds(2),
            Armed = ZoneSchedules.Parse("daily 18:00-24:00"),
        };
        var runner = Runner(new CameraDefinition("广场", Clip, true, 5, [], [zone]));

        var alert = await FirstAlertAsync(runner);

        Assert.Equal(("广场", "loiter", "路面"), (alert.Camera, alert.Kind, alert.Detail));
        Assert.Equal(clock.GetUtcNow(), alert.At);
        var jpeg = store.Snapshot(alert.Id)!;
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.Equal("watching", runner.Status.State);
        Assert.True(runner.Status.Frames > 0);
    }

    [Fact]
    public async Task A_covered_camera_is_a_tamper_alert()
    {
        var black = Path.Combine(dir, "black.avi");
        Ffmpeg("-f", "lavfi", "-i", "color=black:size=320x240:rate=10:duration=8", "-c:v", "mpeg4", black);
        var runner = Runner(new CameraDefinition("河边", black, true, 5, [], []));

        var alert = await FirstAlertAsync(runner);

        Assert.Equal(("tamper", "covered"), (alert.Kind, alert.Detail));
        Assert.Equal("covered", runner.Status.Tamper);
    }

    [Fact]
    public async Task A_camera_that_does_not_answer_is_a_stream_lost_alert_and_the_runner_keeps_trying()
    {
        var runner = Runner(new CameraDefinition("村口", "rtsp://admin:s3cret@127.0.0.1:1/ch1", false, 5, [], []));
        using var stop = new CancellationTokenSource();
        var alerted = new TaskCompletionSource<StoredCameraAlert>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.AlertKept += a => alerted.TrySetResult(a);
        var run = runner.RunAsync(stop.Token);

        var alert = await alerted.Task.WaitAsync(Cap);

        Assert.Equal(("tamper", "stream-lost"), (alert.Kind, alert.Detail));
        Assert.Equal("stream-lost", runner.Status.State);
        Assert.DoesNotContain("s3cret", runner.Status.Detail, StringComparison.Ordinal);
        Assert.False(run.IsCompleted); // waiting to try again, not ended
        await stop.CancelAsync();
        await run.WaitAsync(Cap);
        Assert.Single(store.List(10));
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    private CameraRunner Runner(CameraDefinition camera) =>
        new(camera, store, clock, new StationTime("Asia/Shanghai"), HolidayCalendar.Official, NullLogger.Instance);

    private static async Task<StoredCameraAlert> FirstAlertAsync(CameraRunner runner)
    {
        using var stop = new CancellationTokenSource();
        var alerted = new TaskCompletionSource<StoredCameraAlert>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.AlertKept += a => alerted.TrySetResult(a);
        var run = runner.RunAsync(stop.Token);
        var first = await Task.WhenAny(alerted.Task, run).WaitAsync(Cap);
        Assert.True(first == alerted.Task, $"the camera stopped without an alert: {runner.Status}");
        await stop.CancelAsync();
        await run.WaitAsync(Cap);
        return await alerted.Task;
    }

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
