namespace EdgeStation.Vision.Frames;

/// <summary>Classifies an input address.</summary>
public static class SourceKinds
{
    public static SourceKind Of(string input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        if (input.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase))
        {
            return SourceKind.Rtsp;
        }

        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return SourceKind.Http;
        }

        return input.StartsWith("/dev/video", StringComparison.Ordinal) ? SourceKind.V4l2 : SourceKind.File;
    }

    /// <summary>A live source never ends by itself: the end of its data is a failure to restart from.</summary>
    public static bool IsLive(SourceKind kind) => kind != SourceKind.File;
}
