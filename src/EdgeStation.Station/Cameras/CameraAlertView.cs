namespace EdgeStation.Station.Cameras;

/// <summary>One alert in the API: <c>kind</c> zone-enter | loiter | tamper, <c>detail</c> the zone or the tamper kind, <c>snapshot</c> whether it has a picture.</summary>
public sealed record CameraAlertView(long Id, string Camera, string Kind, string Detail, DateTimeOffset At, bool Snapshot, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);
