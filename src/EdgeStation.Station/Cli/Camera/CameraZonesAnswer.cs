namespace EdgeStation.Station.Cli.Camera;

/// <summary>`camera zones --camera NAME --json`: the camera's zones and counting lines, in the order of station.json.</summary>
public sealed record CameraZonesAnswer(string Camera, IReadOnlyList<CameraZoneRule> Zones, IReadOnlyList<CameraLineRule> Lines);
