using System.Globalization;

namespace EdgeStation.Vision.Frames;

/// <summary>The ffmpeg command line that turns a source into raw frames on standard output.</summary>
public static class FfmpegArguments
{
    public static IReadOnlyList<string> For(FrameSourceOptions options)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error" };
        switch (options.Kind)
        {
            case SourceKind.Rtsp:
                // TCP: UDP loses packets on village links and smears the picture.
                args.AddRange(["-rtsp_transport", "tcp", "-timeout", "5000000"]);
                break;
            case SourceKind.Http:
                args.AddRange(["-reconnect", "1", "-reconnect_streamed", "1", "-reconnect_delay_max", "5"]);
                break;
            case SourceKind.V4l2:
                args.AddRange(["-f", "v4l2"]);
                break;
        }

        if (options.InputFormat is { } format)
        {
            args.AddRange(["-f", format]);
        }

        if (options.Realtime)
        {
            args.Add("-re");
        }

        if (options.Loop)
        {
            args.AddRange(["-stream_loop", "-1"]);
        }

        args.AddRange(["-i", options.Input, "-an", "-sn"]);
        var filters = new List<string>();
        if (options.Fps is { } fps)
        {
            filters.Add("fps=" + fps.ToString(CultureInfo.InvariantCulture));
        }

        filters.Add(string.Create(CultureInfo.InvariantCulture, $"scale={options.Width}:{options.Height}:flags=area"));
        args.AddRange(["-vf", string.Join(',', filters)]);
        args.AddRange(["-f", "rawvideo", "-pix_fmt", options.Layout == PixelLayout.Gray8 ? "gray" : "bgr24", "pipe:1"]);
        return args;
    }
}
