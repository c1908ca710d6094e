using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Pipeline;
using EdgeStation.Vision.Rules;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// `edgestation camera analyze FILE [--json] [--fps N] [--line X1,Y1,X2,Y2]… [--model PATH]`: the whole
/// camera pipeline (ffmpeg → motion → detector → tracker → counting lines) run offline on a recorded
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
        var model = new Option<string?>("--model") { Description = $"person detector model (default: the shipped {ShippedModels.YoloxNanoFileName})", HelpName = "PATH" };
        var cmd = new Command("analyze", "run the camera pipeline on a video file; with --json one JSON line per analysed frame and per event") { file, fps, lines, model };
        cmd.SetAction(p => Run(
            p.GetValue(file)!,
            p.GetValue(fps),
            p.GetValue(lines) ?? [],
            p.GetValue(model),
            p.GetValue(g.Json),
            ctx));
        return cmd;
    }

    private static int Run(string path, double? fps, string[] lineArgs, string? modelPath, bool json, CliContext ctx)
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
            var lines = lineArgs.Select((l, i) => ParseLine(l, i + 1).Scaled((float)width / info.Width, (float)height / info.Height)).ToList();
            using var detector = new OnnxDetector(DetectorOptions.YoloxNano(modelPath));
            var pipeline = new CameraPipeline(detector, width, height, new PipelineOptions { Lines = lines });
            var source = new SupervisedFrameSource(
                new FrameSourceOptions { Input = path, Width = width, Height = height, Fps = fps, SourceFps = info.Fps },
                ctx.Time);
            var clock = Stopwatch.StartNew();
            var maxPersons = 0;
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

    private static CountingLine ParseLine(string text, int number)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new float[4];
        if (parts.Length != 4 || parts.Select((s, i) => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && float.IsFinite(values[i])).Any(ok => !ok))
        {
            throw new UsageException($"--line wants X1,Y1,X2,Y2 in source pixels (e.g. 560,480,560,100), not '{text}'");
        }

        if (values[0] == values[2] && values[1] == values[3])
        {
            throw new UsageException($"--line {text}: start and end are the same point");
        }

        return new CountingLine($"line{number}", values[0], values[1], values[2], values[3]);
    }
}
