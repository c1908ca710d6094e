using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Domain.Calendar;
using EdgeStation.Station.Config;
using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Pipeline;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Tamper;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// `edgestation camera analyze FILE [--json] [--fps N] [--line X1,Y1,X2,Y2]… [--zone NAME:X,Y,…]… [--armed NAME:SCHEDULE]…
/// [--dwell NAME:SECONDS]… [--at LOCAL] [--model PATH]`: the whole camera pipeline (ffmpeg → motion → detector → tracker →
/// counting lines, zones, tamper checks) run offline on a recorded
/// clip, for tuning before a camera is armed. Needs no database. A file ffmpeg cannot read is an input
/// error (2); a missing model or ffmpeg is the machine's (3).
/// </summary>
public static class AnalyzeCommand
{
    /// <summary>Frames are analysed this wide (the detector's input), the height keeping the aspect ratio.</summary>
    public const int AnalysisWidth = 416;

    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var file = new Argument<string>("FILE") { Description = "a recorded video file (anything ffmpeg reads)" };
        var fps = new Option<double?>("--fps") { Description = "analyse this many frames per second (default: every source frame)", HelpName = "N" };
        var lines = new Option<string[]>("--line")
        {
            Description = "a counting line in source pixels, start then end; forward is the start→end direction turned 90° clockwise (repeatable)",
            HelpName = "X1,Y1,X2,Y2",
            AllowMultipleArgumentsPerToken = false,
        };
        var zones = new Option<string[]>("--zone")
        {
            Description = "a zone in source pixels: a name, then at least three corners; a person's foot inside is in the zone (repeatable)",
            HelpName = "NAME:X1,Y1,X2,Y2,X3,Y3",
        };
        var armed = new Option<string[]>("--armed")
        {
            Description = "when a zone raises alerts, e.g. 'yard:mon-fri 00:00-08:00,18:00-24:00; sat,sun 00:00-24:00; holiday 00:00-24:00' (default: always)",
            HelpName = "NAME:SCHEDULE",
        };
        var dwell = new Option<string[]>("--dwell")
        {
            Description = "seconds a person must stay in an armed zone before a loiter alert (default 0: entering is the alert)",
            HelpName = "NAME:SECONDS",
        };
        var at = new Option<string?>("--at") { Description = "station-local time of the file's first frame, for zone schedules (default: now)", HelpName = "YYYY-MM-DDTHH:MM" };
        var model = new Option<string?>("--model") { Description = $"person detector model (default: the shipped {ShippedModels.YoloxNanoFileName})", HelpName = "PATH" };
        var cmd = new Command("analyze", "run the camera pipeline on a video file; with --json one JSON line per analysed frame and per event") { file, fps, lines, zones, armed, dwell, at, model };
        cmd.SetAction(p =>
        {
            var config = StationConfigLoader.Load(p.GetValue(g.Config), g.ResolveDataDir(p, ctx), ctx.Environment);
            var stationTime = new StationTime(config.Settings.TimeZone);
            var rules = new AnalyzeRules(
                p.GetValue(lines) ?? [],
                CameraRuleArguments.ParseZones(p.GetValue(zones) ?? [], p.GetValue(armed) ?? [], p.GetValue(dwell) ?? []),
                p.GetValue(at) is { } local ? CameraRuleArguments.ParseLocalTime(local, stationTime) : ctx.Time.GetUtcNow(),
                stationTime);
            return Run(p.GetValue(file)!, p.GetValue(fps), rules, p.GetValue(model), p.GetValue(g.Json), ctx);
        });
        return cmd;
    }

    private static int Run(string path, double? fps, AnalyzeRules rules, string? modelPath, bool json, CliContext ctx)
    {
        if (fps is { } f && (!double.IsFinite(f) || f <= 0 || f > 240))
        {
            throw new UsageException($"--fps must be a number of frames per second above 0 (at most 240), not {f.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"no such file: {path}");
        }

        try
        {
            var info = VideoProbe.ProbeAsync(path).GetAwaiter().GetResult();
            var width = AnalysisWidth;
            var height = Math.Max(2, (int)Math.Round(info.Height * (double)AnalysisWidth / info.Width / 2) * 2);
            var (sx, sy) = ((float)width / info.Width, (float)height / info.Height);
            var lines = rules.Lines.Select((l, i) => CameraRuleArguments.ParseLine(l, i + 1).Scaled(sx, sy)).ToList();
            var zones = rules.Zones.Select(z => z.Scaled(sx, sy)).ToList();
            using var detector = new OnnxDetector(DetectorOptions.YoloxNano(modelPath));
            var pipeline = new CameraPipeline(detector, width, height, new PipelineOptions
            {
                Lines = lines,
                Zones = zones,
                StationTime = rules.StationTime,
                SourceStart = rules.Start,
            });
            var source = new SupervisedFrameSource(
                new FrameSourceOptions { Input = path, Width = width, Height = height, Fps = fps, SourceFps = info.Fps },
                ctx.Time);
            var clock = Stopwatch.StartNew();
            var maxPersons = 0;
            var zoneEnters = new Dictionary<string, int>(StringComparer.Ordinal);
            var zoneAlerts = new Dictionary<string, int>(StringComparer.Ordinal);
            var tamperSeen = 0;
            double lastTime = 0;
            var frames = ReadAll(source, ctx.Stop);
            foreach (var frame in frames)
            {
                var a = pipeline.Analyze(frame);
                maxPersons = Math.Max(maxPersons, a.Persons);
                lastTime = a.Time.TotalSeconds;
                if (json)
                {
                    ctx.Out.WriteLine(JsonSerializer.Serialize(
                        new AnalyzeFrameLine(a.Frame, Math.Round(a.Time.TotalSeconds, 3), a.Persons, a.Detected, a.Tracks, Math.Round(a.MotionShare, 4)),
                        CameraJsonContext.Default.AnalyzeFrameLine));
                }

                WriteZoneEvents(a, zones, zoneEnters, zoneAlerts, json, ctx);
                tamperSeen += WriteTamperEvents(a, json, ctx);
                foreach (var c in a.Crossings)
                {
                    var counter = pipeline.Lines.First(l => l.Line.Name == c.Line);
                    var direction = c.Direction == LineDirection.Forward ? "forward" : "backward";
                    if (json)
                    {
                        ctx.Out.WriteLine(JsonSerializer.Serialize(
                            new AnalyzeEventLine("line-cross", c.Frame, Math.Round(c.Time.TotalSeconds, 3), c.Line, c.TrackId, direction, counter.Forward, counter.Backward),
                            CameraJsonContext.Default.AnalyzeEventLine));
                    }
                    else
                    {
                        ctx.Out.WriteLine(FormattableString.Invariant($"{c.Time.TotalSeconds,7:0.0} s  frame {c.Frame,6}  {c.Line}: track {c.TrackId} crossed {direction} ({counter.Forward} forward, {counter.Backward} backward)"));
                    }
                }
            }

            if (!json)
            {
                var seconds = clock.Elapsed.TotalSeconds;
                ctx.Out.WriteLine(FormattableString.Invariant($"{path}: {info.Width}x{info.Height} {info.Codec}, analysed {pipeline.FramesAnalysed} frames ({lastTime:0.0} s of video) at {width}x{height}"));
                ctx.Out.WriteLine(FormattableString.Invariant($"detector ran on {pipeline.DetectorRuns} frames; most people present at once: {maxPersons}"));
                foreach (var l in pipeline.Lines)
                {
                    ctx.Out.WriteLine(FormattableString.Invariant($"{l.Line.Name}: {l.Forward} forward, {l.Backward} backward"));
                }

                foreach (var z in zones)
                {
                    ctx.Out.WriteLine(FormattableString.Invariant($"{z.Name}: {zoneEnters.GetValueOrDefault(z.Name)} entered, {zoneAlerts.GetValueOrDefault(z.Name)} alerts"));
                }

                ctx.Out.WriteLine(tamperSeen == 0 ? "tamper: none" : FormattableString.Invariant($"tamper: {tamperSeen} conditions (see above)"));

                ctx.Out.WriteLine(FormattableString.Invariant($"took {seconds:0.0} s ({(seconds > 0 ? lastTime / seconds : 0):0.0}× real time)"));
            }

            return ExitCodes.Ok;
        }
        catch (FrameSourceException e)
        {
            ctx.Error.WriteLine($"error: {e.Message}");
            return e.IsEnvironment ? ExitCodes.Environment : ExitCodes.Usage;
        }
        catch (ModelUnavailableException e)
        {
            ctx.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Environment;
        }
    }

    private static IEnumerable<Frame> ReadAll(IFrameSource source, CancellationToken cancellationToken)
    {
        var e = source.ReadFramesAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                yield return e.Current;
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteZoneEvents(
        FrameAnalysis a, List<CameraZone> zones, Dictionary<string, int> zoneEnters, Dictionary<string, int> zoneAlerts, bool json, CliContext ctx)
    {
        foreach (var e in a.ZoneEvents)
        {
            var zone = zones.First(z => z.Name == e.Zone);
            var alert = e.IsAlert(zone);
            var name = e.Kind == ZoneEventKind.Enter ? "zone-enter" : "loiter";
            if (e.Kind == ZoneEventKind.Enter)
            {
                zoneEnters[e.Zone] = zoneEnters.GetValueOrDefault(e.Zone) + 1;
            }

            if (alert)
            {
                zoneAlerts[e.Zone] = zoneAlerts.GetValueOrDefault(e.Zone) + 1;
            }

            if (json)
            {
                double? dwell = e.Kind == ZoneEventKind.Loiter ? Math.Round(e.Dwell.TotalSeconds, 1) : null;
                ctx.Out.WriteLine(JsonSerializer.Serialize(
                    new AnalyzeZoneEventLine(name, e.Frame, Math.Round(e.Time.TotalSeconds, 3), e.Zone, e.TrackId, e.Armed, alert, dwell),
                    CameraJsonContext.Default.AnalyzeZoneEventLine));
            }
            else
            {
                var what = e.Kind == ZoneEventKind.Enter ? "entered" : FormattableString.Invariant($"stayed {e.Dwell.TotalSeconds:0} s");
                ctx.Out.WriteLine(FormattableString.Invariant($"{e.Time.TotalSeconds,7:0.0} s  frame {e.Frame,6}  {e.Zone}: track {e.TrackId} {what}{(e.Armed ? " (armed)" : "")}{(alert ? " ALERT" : "")}"));
            }
        }
    }

    // Returns how many conditions began.
    private static int WriteTamperEvents(FrameAnalysis a, bool json, CliContext ctx)
    {
        var began = 0;
        foreach (var e in a.TamperEvents)
        {
            began += e.Cleared ? 0 : 1;
            var kind = TamperKindNames.Name(e.Kind);
            if (json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(
                    new AnalyzeTamperEventLine("tamper", e.Frame, Math.Round(e.Time.TotalSeconds, 3), kind, e.Cleared ? "end" : "begin", Math.Round(e.Measure, 3)),
                    CameraJsonContext.Default.AnalyzeTamperEventLine));
            }
            else
            {
                ctx.Out.WriteLine(FormattableString.Invariant($"{e.Time.TotalSeconds,7:0.0} s  frame {e.Frame,6}  tamper: {kind} {(e.Cleared ? "ended" : "began")} ({e.Measure:0.###})"));
            }
        }

        return began;
    }
}
