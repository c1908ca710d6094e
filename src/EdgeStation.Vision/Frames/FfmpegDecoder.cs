using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace EdgeStation.Vision.Frames;

/// <summary>
/// One run of ffmpeg writing raw frames to its standard output. It knows nothing of restarts or
/// stalls (the <see cref="SupervisedFrameSource"/> does); it reads whole frames and keeps the tail
/// of ffmpeg's error output to explain an exit.
/// </summary>
public sealed class FfmpegDecoder : IAsyncDisposable
{
    private const int StderrTailChars = 2000;
    private readonly Process process;
    private readonly Stream output;
    private readonly int frameBytes;
    private readonly StringBuilder stderrTail = new();
    private readonly Task stderrPump;

    private FfmpegDecoder(Process process, int frameBytes)
    {
        this.process = process;
        this.frameBytes = frameBytes;
        output = process.StandardOutput.BaseStream;
        ProcessId = process.Id;
        stderrPump = PumpStderrAsync();
    }

    /// <summary>ffmpeg's process id (kept: it is still wanted in reports after the process is gone).</summary>
    public int ProcessId { get; }

    /// <summary>Starts ffmpeg; a missing executable is an environment error.</summary>
    public static FfmpegDecoder Start(FrameSourceOptions options)
    {
        var info = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var a in FfmpegArguments.For(options))
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            var process = Process.Start(info) ?? throw new FrameSourceException($"{options.FfmpegPath} did not start", isEnvironment: true);
            return new FfmpegDecoder(process, Frame.ByteCount(options.Width, options.Height, options.Layout));
        }
        catch (Win32Exception e)
        {
            throw new FrameSourceException($"cannot run {options.FfmpegPath} ({e.Message}); install ffmpeg (apt-get install ffmpeg)", e, isEnvironment: true);
        }
    }

    /// <summary>The next frame's bytes, or null at the end of ffmpeg's output.</summary>
    public async ValueTask<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[frameBytes];
        var read = await output.ReadAtLeastAsync(buffer, frameBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == frameBytes ? buffer : null;
    }

    /// <summary>Waits for ffmpeg to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await stderrPump.ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>The last lines ffmpeg wrote to its error output.</summary>
    public string ErrorTail
    {
        get
        {
            lock (stderrTail)
            {
                return stderrTail.ToString().Trim();
            }
        }
    }

    /// <summary>Ends ffmpeg now (stall, shutdown); its output then ends.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await process.WaitForExitAsync().ConfigureAwait(false);
            await stderrPump.ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task PumpStderrAsync()
    {
        var reader = process.StandardError;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (stderrTail)
            {
                stderrTail.AppendLine(line);
                if (stderrTail.Length > StderrTailChars)
                {
                    stderrTail.Remove(0, stderrTail.Length - StderrTailChars);
                }
            }
        }
    }
}
