namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// A zone in `camera zones --json`: <c>units</c> is "fraction" (of the picture, 0–1) or "pixel" (the camera's own), the
/// area as "X1,Y1,X2,Y2,…" in them, its schedule in the doors' text form and its dwell in seconds (0: entering alerts).
/// </summary>
public sealed record CameraZoneRule(string Name, string Units, string Area, string Armed, double Dwell);
