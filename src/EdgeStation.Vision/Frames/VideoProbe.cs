using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace EdgeStation.Vision.Frames;

/// <summary>Asks ffprobe for a source's codec, size and rate.</summary>
public static class VideoProbe
{
    public static async Task<VideoInfo> ProbeAsync(string input, string ffprobePath = "ffprobe", CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(ffprobePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "-v", "error", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,codec_long_name,width,height,avg_frame_rate,r_frame_rate,nb_frames:format=duration",
            "-of", "default=noprint_wrappers=1", input,
        })
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new FrameSourceException($"{ffprobePath} did not start", isEnvironment: true);
        }
        catch (Win32Exception e)
        {
            throw new FrameSourceException($"cannot run {ffprobePath} ({e.Message}); install ffmpeg (apt-get install ffmpeg)", e, isEnvironment: true);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var fields = Parse(await stdout.ConfigureAwait(false));
            if (process.ExitCode != 0 || !fields.ContainsKey("width"))
            {
                var why = (await stderr.ConfigureAwait(false)).Trim();
                throw new FrameSourceException($"{input}: no readable video stream{(why.Length > 0 ? ": " + why : string.Empty)}");
            }

            return new VideoInfo(
                fields.GetValueOrDefault("codec_name", "unknown"),
                fields.GetValueOrDefault("codec_long_name", "unknown"),
                int.Parse(fields["width"], CultureInfo.InvariantCulture),
                int.Parse(fields["height"], CultureInfo.InvariantCulture),
                Rate(fields.GetValueOrDefault("avg_frame_rate")) ?? Rate(fields.GetValueOrDefault("r_frame_rate")),
                long.TryParse(fields.GetValueOrDefault("nb_frames"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
                double.TryParse(fields.GetValueOrDefault("duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? TimeSpan.FromSeconds(d) : null);
        }
    }

    private static Dictionary<string, string> Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields.TryAdd(line[..eq], line[(eq + 1)..]);
            }
        }

        return fields;
    }

    // ffprobe writes rates as a fraction ("10/1", "30000/1001"); "0/0" means unknown.
    private static double? Rate(string? fraction)
    {
        if (fraction is null)
        {
            return null;
        }

        var slash = fraction.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return double.TryParse(fraction, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : null;
        }

        return double.TryParse(fraction[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(fraction[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && num > 0 && den > 0 ? num / den : null;
    }
}
