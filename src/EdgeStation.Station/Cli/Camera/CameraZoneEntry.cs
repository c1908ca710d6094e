namespace EdgeStation.Station.Cli.Camera;

/// <summary>A zone in `camera list --json`: its schedule in the doors' text form and its dwell in seconds (0: entering alerts).</summary>
public sealed record CameraZoneEntry(string Name, string Armed, double Dwell);
