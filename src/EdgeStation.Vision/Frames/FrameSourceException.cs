namespace EdgeStation.Vision.Frames;

/// <summary>A source that cannot give frames: a file ffmpeg cannot decode, or no ffmpeg at all.</summary>
public sealed class FrameSourceException : Exception
{
    public FrameSourceException(string message, bool isEnvironment = false)
        : base(message)
    {
        IsEnvironment = isEnvironment;
    }

    public FrameSourceException(string message, Exception inner, bool isEnvironment = false)
        : base(message, inner)
    {
        IsEnvironment = isEnvironment;
    }

    public FrameSourceException()
    {
    }

    public FrameSourceException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public FrameSourceException(string message)
        : base(message)
    {
    }

    /// <summary>True when the machine is at fault (ffmpeg missing), false when the input is (corrupt file).</summary>
    public bool IsEnvironment { get; }
}
