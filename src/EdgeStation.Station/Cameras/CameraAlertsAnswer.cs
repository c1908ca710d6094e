namespace EdgeStation.Station.Cameras;

/// <summary>GET /api/cameras/alerts: newest first, and how many are not yet acknowledged in all.</summary>
public sealed record CameraAlertsAnswer(IReadOnlyList<CameraAlertView> Alerts, int Unacknowledged);
