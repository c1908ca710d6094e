namespace EdgeStation.Station.Config;

/// <summary>station.json "cameraAlerts": how long camera alerts and their snapshots are kept, by days and by size.</summary>
public sealed class CameraAlertsConfigDocument
{
    public int? RetentionDays { get; set; }

    public int? Megabytes { get; set; }
}
