namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// A counting line in `camera zones --json`: <c>units</c> as for zones, "X1,Y1,X2,Y2" from start to end, and which way on
/// the picture counts as forward (right | left | down | up, the nearest of the four).
/// </summary>
public sealed record CameraLineRule(string Name, string Units, string Points, string Forward);
