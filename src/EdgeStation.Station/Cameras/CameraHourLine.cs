namespace EdgeStation.Station.Cameras;

/// <summary>One counting line's crossings in one hour, each way.</summary>
public sealed record CameraHourLine(int Forward, int Backward);
