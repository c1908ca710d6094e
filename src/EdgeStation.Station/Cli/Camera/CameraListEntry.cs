namespace EdgeStation.Station.Cli.Camera;

/// <summary>One camera in `camera list --json`: <c>source</c> is the address without its password, <c>kind</c> camera | file.</summary>
public sealed record CameraListEntry(string Name, string Source, string Kind, double Fps, IReadOnlyList<string> Lines, IReadOnlyList<CameraZoneEntry> Zones);
