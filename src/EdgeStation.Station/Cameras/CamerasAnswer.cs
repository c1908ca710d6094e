namespace EdgeStation.Station.Cameras;

/// <summary>GET /api/cameras: each camera's status, the alerts not yet acknowledged, and how long alerts are kept.</summary>
public sealed record CamerasAnswer(IReadOnlyList<CameraStatus> Cameras, int Unacknowledged, int RetentionDays, long AlertMegabytes, long SnapshotBytes);
