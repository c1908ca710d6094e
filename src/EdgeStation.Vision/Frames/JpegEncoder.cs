using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace EdgeStation.Vision.Frames;

/// <summary>
/// One frame to a JPEG (an alert's snapshot) through an ffmpeg subprocess: raw pixels in on standard input, the picture
/// out on standard output. Alerts are rare, so a process per picture costs nothing that matters and keeps a codec out of
/// the station's own process.
/// </summary>
public static class JpegEncoder
{
    /// <param name="quality">ffmpeg's -q:v, 2 (best) to 31; 5 gives about 20 KB for a 416×312 street scene.</param>
    public static async Task<byte[]> EncodeAsync(Frame frame, int quality = 5, string ffmpegPath = "ffmpeg", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var info = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "-hide_banner", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", frame.Layout == PixelLayout.Gray8 ? "gray" : "bgr24",
            "-s", string.Create(CultureInfo.InvariantCulture, $"{frame.Width}x{frame.Height}"), "-i", "pipe:0",
            "-frames:v", "1", "-q:v", quality.ToString(CultureInfo.InvariantCulture), "-f", "mjpeg", "pipe:1",
        })
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new FrameSourceException($"{ffmpegPath} did not start", isEnvironment: true);
        }
        catch (Win32Exception e)
        {
            throw new FrameSourceException($"cannot run {ffmpegPath} ({e.Message}); install ffmpeg (apt-get install ffmpeg)", e, isEnvironment: true);
        }

        using (process)
        {
            var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.BaseStream.WriteAsync(frame.Pixels, cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await reading.ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0 || output.Length == 0)
            {
                throw new FrameSourceException($"ffmpeg could not encode a snapshot (exit {process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}", isEnvironment: true);
            }

            return output.ToArray();
        }
    }
}
