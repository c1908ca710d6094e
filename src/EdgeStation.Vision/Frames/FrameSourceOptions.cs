namespace EdgeStation.Vision.Frames;

/// <summary>
/// What a camera or file is decoded to: ffmpeg scales every picture to <see cref="Width"/> ×
/// <see cref="Height"/> (the aspect ratio kept by the caller's choice of size) in
/// <see cref="Layout"/>, at <see cref="Fps"/> frames per second or at the source's own rate.
/// </summary>
public sealed record FrameSourceOptions
{
    /// <summary>A file path, or an <c>rtsp://</c>, <c>http(s)://</c> or <c>/dev/video*</c> (V4L2) address.</summary>
    public required string Input { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public PixelLayout Layout { get; init; } = PixelLayout.Bgr24;

    /// <summary>Output rate; null keeps every source frame.</summary>
    public double? Fps { get; init; }

    /// <summary>The source's own rate, used to name each output frame by its source index; null: probe it.</summary>
    public double? SourceFps { get; init; }

    /// <summary>The ffmpeg executable (found on PATH by default).</summary>
    public string FfmpegPath { get; init; } = "ffmpeg";

    /// <summary>The ffprobe executable, used to learn a file's rate.</summary>
    public string FfprobePath { get; init; } = "ffprobe";

    /// <summary>No frame for this long while the decoder runs: the stream is lost and the decoder restarted.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before a crashed decoder is started again; doubled after each crash in a row.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between restarts.</summary>
    public TimeSpan MaxRestartDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>ffmpeg's input format when it cannot tell from the address (<c>lavfi</c> for generated test video).</summary>
    public string? InputFormat { get; init; }

    /// <summary>Treat the source as a camera (restart on end of data) or a file (end is normal); null: by its kind.</summary>
    public bool? Live { get; init; }

    /// <summary>Read a file at its own pace (ffmpeg <c>-re</c>), as a camera would send it, instead of as fast as it decodes.</summary>
    public bool Realtime { get; init; }

    /// <summary>Play a file again from its start when it ends (ffmpeg <c>-stream_loop -1</c>): a recorded clip standing in for a camera.</summary>
    public bool Loop { get; init; }

    /// <summary>Kind of input, from its address.</summary>
    public SourceKind Kind => SourceKinds.Of(Input);

    /// <summary>Whether the end of data is a failure to restart from.</summary>
    public bool IsLive => Live ?? SourceKinds.IsLive(Kind);
}
