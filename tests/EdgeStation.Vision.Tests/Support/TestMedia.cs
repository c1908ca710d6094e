using System.Diagnostics;

namespace EdgeStation.Vision.Tests.Support;

/// <summary>The media the tests decode: the pedestrian clip and videos generated here with ffmpeg.</summary>
public static class TestMedia
{
    /// <summary>Ten seconds of the pedestrian clip shipped with the project (source frames 150–249 of vtest.avi).</summary>
    public static string PedestrianClip => Path.Combine(AppContext.BaseDirectory, "samples", "pedestrians-10s.avi");

    /// <summary>Writes a generated test pattern (ffmpeg's testsrc) of the given length and rate to a new file.</summary>
    public static string GeneratedVideo(TempFolder folder, double seconds, int fps, int width = 320, int height = 240)
    {
        var path = Path.Combine(folder.Path, $"testsrc-{seconds}s-{fps}fps.avi");
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
            FormattableString.Invariant($"testsrc=duration={seconds}:size={width}x{height}:rate={fps}"),
            "-c:v", "mpeg4", "-q:v", "3", path);
        return path;
    }

    public static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {error}");
    }
}
