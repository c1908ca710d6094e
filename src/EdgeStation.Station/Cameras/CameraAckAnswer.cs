namespace EdgeStation.Station.Cameras;

/// <summary>POST /api/cameras/alerts/{id}/ack: the alert as it is now.</summary>
public sealed record CameraAckAnswer(CameraAlertView Alert);
