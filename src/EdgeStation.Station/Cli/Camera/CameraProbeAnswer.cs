namespace EdgeStation.Station.Cli.Camera;

/// <summary>`camera probe --json`: the source (without a password), codec, size and frame rate (null when the source does not say).</summary>
public sealed record CameraProbeAnswer(string Source, string Codec, int Width, int Height, double? Fps);
