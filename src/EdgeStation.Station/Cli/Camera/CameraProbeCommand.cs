using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Station.Cameras;
using EdgeStation.Vision.Frames;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// `edgestation camera probe URL`: asks ffprobe what a camera (or file) sends, in words: codec, size, frame rate. A file
/// that holds no video or a malformed address is an input error (2); a camera that does not answer, or no ffprobe on the
/// box, is the environment's (3).
/// </summary>
public static class CameraProbeCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var url = new Argument<string>("URL") { Description = "rtsp://…, http(s)://…, /dev/videoN or a video file" };
        var cmd = new Command("probe", "what a camera sends: codec, picture size and frame rate (ffprobe, 15 s at most)") { url };
        cmd.SetAction(p =>
        {
            var input = p.GetValue(url)!.Trim();
            var shown = CameraAddress.Redact(input);
            if (input.Contains("://", StringComparison.Ordinal) && CameraAddress.Problem(input) is { } bad)
            {
                throw new UsageException(bad);
            }

            if (!input.Contains("://", StringComparison.Ordinal) && !File.Exists(input) && !input.StartsWith("/dev/video", StringComparison.Ordinal))
            {
                throw new UsageException($"no such file: {input}");
            }

            VideoInfo info;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ctx.Stop);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            try
            {
                info = VideoProbe.ProbeAsync(input, cancellationToken: timeout.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                ctx.Error.WriteLine($"error: {shown} did not answer within 15 s (is the camera on and reachable from this box?)");
                return ExitCodes.Environment;
            }
            catch (FrameSourceException e)
            {
                ctx.Error.WriteLine($"error: {e.Message.Replace(input, shown, StringComparison.Ordinal)}");
                // A file that is no video is bad input; a camera that does not answer is the network's or the camera's.
                return e.IsEnvironment || input.Contains("://", StringComparison.Ordinal) || input.StartsWith("/dev/", StringComparison.Ordinal)
                    ? ExitCodes.Environment
                    : ExitCodes.Usage;
            }

            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(
                    new CameraProbeAnswer(shown, info.Codec, info.Width, info.Height, info.Fps is { } f ? Math.Round(f, 3) : null),
                    CameraJsonContext.Default.CameraProbeAnswer));
                return ExitCodes.Ok;
            }

            var rate = info.Fps is { } fps ? string.Create(CultureInfo.InvariantCulture, $"{fps:0.##} frames per second") : "an unknown frame rate";
            ctx.Out.WriteLine($"{shown}: {Words(info.Codec)} video, {info.Width}×{info.Height} pixels, {rate}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Words(string codec) => codec switch
    {
        "h264" => "H.264",
        "hevc" => "H.265 (HEVC)",
        "mjpeg" => "Motion JPEG",
        "mpeg4" => "MPEG-4 Part 2",
        "msmpeg4v3" => "MS-MPEG4 v3 (DivX 3)",
        _ => codec,
    };
}
