namespace EdgeStation.Vision.Frames;

/// <summary>
/// Gives each output frame its index in the source and its time. A file's frames are named from its
/// probed rate (the k-th frame at 5 fps of a 10 fps file is source frame 2k, at 0.2k s); a camera's
/// by count and by the monotonic time since the source started.
/// </summary>
internal sealed class FrameNaming
{
    private readonly double? sourceFps;
    private readonly TimeProvider time;
    private readonly long startTimestamp;

    private FrameNaming(double? sourceFps, TimeProvider time)
    {
        this.sourceFps = sourceFps;
        this.time = time;
        startTimestamp = time.GetTimestamp();
    }

    public static async Task<FrameNaming> ForAsync(FrameSourceOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (options.IsLive)
        {
            return new FrameNaming(null, time);
        }

        var fps = options.SourceFps;
        if (fps is null)
        {
            var info = await VideoProbe.ProbeAsync(options.Input, options.FfprobePath, cancellationToken).ConfigureAwait(false);
            fps = info.Fps;
        }

        return new FrameNaming(fps is > 0 ? fps : null, time);
    }

    public Frame Name(long produced, FrameSourceOptions options, byte[] pixels)
    {
        long index;
        TimeSpan at;
        if (sourceFps is not { } srcFps)
        {
            index = produced;
            at = options.Fps is { } outFps && !options.IsLive ? TimeSpan.FromSeconds(produced / outFps) : time.GetElapsedTime(startTimestamp);
        }
        else if (options.Fps is { } outFps)
        {
            at = TimeSpan.FromSeconds(produced / outFps);
            index = (long)Math.Round(at.TotalSeconds * srcFps);
        }
        else
        {
            index = produced;
            at = TimeSpan.FromSeconds(produced / srcFps);
        }

        return new Frame(index, at, options.Width, options.Height, options.Layout, pixels);
    }
}
