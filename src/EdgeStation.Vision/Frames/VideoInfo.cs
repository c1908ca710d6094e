namespace EdgeStation.Vision.Frames;

/// <summary>What ffprobe says of a source's first video stream.</summary>
public sealed record VideoInfo(string Codec, string CodecDescription, int Width, int Height, double? Fps, long? FrameCount, TimeSpan? Duration);
