using System.Diagnostics;
using EdgeStation.Domain.Calendar;
using EdgeStation.Storage.Cameras;
using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Pipeline;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Tamper;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cameras;

/// <summary>
/// One camera, kept running: learn the source's size (ffprobe), build its pipeline (lines and zones scaled to the analysed
/// frames), read supervised ffmpeg frames, analyse each at its wall-clock time, keep alerts with a snapshot. Whatever
/// fails — the camera unreachable, the model missing, a bug — ends this run only: it is logged, shown in the status, and
/// the camera is tried again after a delay that doubles up to a minute. No failure here reaches the station.
/// </summary>
public sealed class CameraRunner
{
    public const int AnalysisWidth = 416;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly CameraDefinition camera;
    private readonly CameraAlertStore? alerts;
    private readonly TimeProvider time;
    private readonly StationTime stationTime;
    private readonly HolidayCalendar calendar;
    private readonly ILogger log;
    private readonly Lock gate = new();
    private readonly Queue<(long Ticks, double Busy)> recent = new();
    private CameraStatus status;
    private bool lost;

    public CameraRunner(CameraDefinition camera, CameraAlertStore? alerts, TimeProvider time, StationTime stationTime, HolidayCalendar calendar, ILogger log)
    {
        this.camera = camera;
        this.alerts = alerts;
        this.time = time;
        this.stationTime = stationTime;
        this.calendar = calendar;
        this.log = log;
        status = new CameraStatus(camera.Name, camera.Shown, "starting", null, 0, 0, 0, null, 0, null, 0, 0, 0, [], []);
        Counts = new CameraHourlyCounts(camera.Lines.Count, camera.Zones.Count);
    }

    public CameraDefinition Camera => camera;

    /// <summary>The camera's counts by hour, for the township summary.</summary>
    public CameraHourlyCounts Counts { get; }

    /// <summary>Raised after each analysed frame (for tests and the status page's liveliness; keep handlers short).</summary>
    public event Action<CameraStatus>? Analysed;

    /// <summary>Raised after an alert is kept.</summary>
    public event Action<StoredCameraAlert>? AlertKept;

    public CameraStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    /// <summary>Runs until <paramref name="stop"/>; never throws but on cancellation.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            var before = Status.Frames;
            try
            {
                await WatchAsync(stop).ConfigureAwait(false);
                Set(s => s with { State = "restarting", Detail = "the source ended" });
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var why = e is ModelUnavailableException or FrameSourceException ? e.Message : $"{e.GetType().Name}: {e.Message}";
                why = why.Replace(camera.Input, camera.Shown, StringComparison.Ordinal);
                log.LogWarning("camera {Camera}: {Reason}; trying again in {Seconds} s", camera.Name, why, delay.TotalSeconds);
                Set(s => s with { State = e is FrameSourceException ? "stream-lost" : "failed", Detail = why });
                if (e is FrameSourceException && !lost)
                {
                    lost = true;
                    await KeepAlertAsync("tamper", TamperKindNames.Name(TamperKind.StreamLost), null, stop).ConfigureAwait(false);
                }
            }

            if (Status.Frames > before)
            {
                delay = TimeSpan.FromSeconds(1);
            }

            try
            {
                await Task.Delay(delay, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        using var probeTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        probeTimeout.CancelAfter(TimeSpan.FromSeconds(15));
        VideoInfo info;
        try
        {
            info = await VideoProbe.ProbeAsync(camera.Input, cancellationToken: probeTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            throw new FrameSourceException($"{camera.Shown} did not answer within 15 s");
        }

        var width = AnalysisWidth;
        var height = Math.Max(2, (int)Math.Round(info.Height * (double)AnalysisWidth / info.Width / 2) * 2);
        var (lines, zones) = camera.Scaled(info.Width, info.Height, width, height);
        using var detector = new OnnxDetector(DetectorOptions.YoloxNano());
        var pipeline = new CameraPipeline(detector, width, height, new PipelineOptions
        {
            Lines = lines,
            Zones = zones,
            StationTime = stationTime,
            Calendar = calendar,
        });
        var source = new SupervisedFrameSource(
            new FrameSourceOptions
            {
                Input = camera.Input,
                Width = width,
                Height = height,
                Fps = camera.Fps,
                SourceFps = info.Fps ?? camera.Fps,
                // A file plays in a loop, so it never ends; its frames are timed by the file (a camera's by the clock).
                Live = !camera.IsFile,
                Loop = camera.IsFile,
                Realtime = camera.IsFile,
            },
            time,
            OnSource);
        Set(s => s with { State = "starting", Detail = $"{info.Codec} {info.Width}x{info.Height}" });
        Counts.Restarted();
        await foreach (var frame in source.ReadFramesAsync(stop).ConfigureAwait(false))
        {
            stop.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var now = time.GetUtcNow();
            var a = pipeline.Analyze(frame, now);
            var busy = Stopwatch.GetElapsedTime(started).TotalSeconds;
            lost = false;
            Observe(pipeline, a, now, busy);
            foreach (var c in a.Crossings)
            {
                Counts.Crossed(now, pipeline.Lines.ToList().FindIndex(l => l.Line.Name == c.Line), c.Direction == LineDirection.Forward);
            }

            foreach (var e in a.ZoneEvents)
            {
                var zone = pipeline.Zones.Zones.First(z => z.Name == e.Zone);
                if (e.Kind == ZoneEventKind.Enter)
                {
                    Counts.Entered(now, pipeline.Zones.Zones.ToList().IndexOf(zone));
                }

                if (e.IsAlert(zone))
                {
                    await KeepAlertAsync(e.Kind == ZoneEventKind.Enter ? "zone-enter" : "loiter", e.Zone, frame, stop).ConfigureAwait(false);
                }
            }

            foreach (var e in a.TamperEvents)
            {
                if (!e.Cleared)
                {
                    await KeepAlertAsync("tamper", TamperKindNames.Name(e.Kind), frame, stop).ConfigureAwait(false);
                }
            }
        }
    }

    private void OnSource(SourceStatus s)
    {
        switch (s.State)
        {
            case SourceState.StreamLost:
                Set(x => x with { State = "stream-lost", Detail = s.Detail });
                if (!lost)
                {
                    lost = true;
                    _ = KeepAlertAsync("tamper", TamperKindNames.Name(TamperKind.StreamLost), null, CancellationToken.None);
                }

                break;
            case SourceState.DecoderExited:
                Set(x => x with { State = "restarting", Detail = s.Detail?.Replace(camera.Input, camera.Shown, StringComparison.Ordinal) });
                break;
        }
    }

    private void Observe(CameraPipeline pipeline, FrameAnalysis a, DateTimeOffset now, double busy)
    {
        // Rates are measured on the monotonic clock of this process, not the station's (a test's clock may stand still).
        var ticks = Stopwatch.GetTimestamp();
        double fps, share;
        lock (gate)
        {
            recent.Enqueue((ticks, busy));
            while (recent.Count > 1 && Stopwatch.GetElapsedTime(recent.Peek().Ticks, ticks) > TimeSpan.FromSeconds(10))
            {
                recent.Dequeue();
            }

            var span = recent.Count > 1 ? Stopwatch.GetElapsedTime(recent.Peek().Ticks, ticks).TotalSeconds : 0;
            fps = span > 0 ? (recent.Count - 1) / span : 0;
            share = span > 0 ? recent.Skip(1).Sum(r => r.Busy) / span : 0;
        }

        var zones = pipeline.Zones.Zones.Select(z => new CameraZoneCount(z.Name, pipeline.Zones.Occupancy(z.Name), pipeline.Zones.IsArmed(z, now))).ToList();
        var lines = pipeline.Lines.Select(l => new CameraLineCount(l.Line.Name, l.Forward, l.Backward)).ToList();
        var tamper = pipeline.Tamper?.Active is { } t ? TamperKindNames.Name(t) : null;
        var present = pipeline.Tracker.Tracks.Where(x => x.IsPresent && x.Label == "person").Select(x => x.Id).ToList();
        Counts.Frame(now, present, [.. zones.Select(z => z.People)]);
        Set(s => s with
        {
            State = "watching",
            Detail = null,
            Frames = s.Frames + 1,
            Fps = Math.Round(fps, 1),
            Busy = Math.Round(share, 3),
            LastFrameAt = now,
            Persons = a.Persons,
            Tamper = tamper,
            DetectorRuns = pipeline.DetectorRuns,
            Lines = lines,
            Zones = zones,
        });
        Analysed?.Invoke(Status);
    }

    private async Task KeepAlertAsync(string kind, string detail, Frame? frame, CancellationToken stop)
    {
        log.LogInformation("camera {Camera}: alert {Kind} {Detail}", camera.Name, kind, detail);
        Counts.Alert(time.GetUtcNow(), kind == "tamper" ? detail : kind);
        if (alerts is null)
        {
            return;
        }

        try
        {
            var jpeg = frame is null ? null : await JpegEncoder.EncodeAsync(frame, cancellationToken: stop).ConfigureAwait(false);
            var kept = alerts.Add(camera.Name, kind, detail, time.GetUtcNow(), jpeg);
            Set(s => s with { Alerts = s.Alerts + 1 });
            AlertKept?.Invoke(kept);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A full disk or a damaged alert file must not stop the watching.
            log.LogWarning("camera {Camera}: alert {Kind} not kept: {Reason}", camera.Name, kind, e.Message);
            Set(s => s with { AlertsNotKept = s.AlertsNotKept + 1 });
        }
    }

    private void Set(Func<CameraStatus, CameraStatus> change)
    {
        lock (gate)
        {
            status = change(status);
        }
    }
}
