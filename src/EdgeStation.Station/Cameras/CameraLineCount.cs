namespace EdgeStation.Station.Cameras;

/// <summary>A counting line's totals since the camera started.</summary>
public sealed record CameraLineCount(string Name, int Forward, int Backward);
