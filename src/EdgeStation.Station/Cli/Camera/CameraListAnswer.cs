namespace EdgeStation.Station.Cli.Camera;

/// <summary>`camera list --json`: the cameras and how long their alerts are kept.</summary>
public sealed record CameraListAnswer(IReadOnlyList<CameraListEntry> Cameras, int AlertRetentionDays, long AlertMegabytes);
