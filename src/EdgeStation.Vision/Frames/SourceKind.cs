namespace EdgeStation.Vision.Frames;

/// <summary>Where frames come from; decides ffmpeg's input flags and whether the end of data is normal.</summary>
public enum SourceKind
{
    /// <summary>A video file: its end is the end of the source.</summary>
    File,

    /// <summary>An RTSP camera (over TCP).</summary>
    Rtsp,

    /// <summary>An HTTP(S) stream, e.g. MJPEG.</summary>
    Http,

    /// <summary>A V4L2 device (<c>/dev/video0</c>).</summary>
    V4l2,
}
