namespace EdgeStation.Station.Config;

/// <summary>
/// A zone of a camera in station.json: its name, corners "X1,Y1,X2,Y2,X3,Y3,…" in the camera's own pixels or, instead,
/// its area in fractions of the picture (0–1 across, 0–1 down; what `camera zones add` writes), when it is armed (a weekly
/// schedule in the doors' text form; absent: always) and the dwell in seconds before a loiter alert.
/// </summary>
public sealed class CameraZoneDocument
{
    public string? Name { get; set; }

    public string? Corners { get; set; }

    public string? Area { get; set; }

    public string? Armed { get; set; }

    public double? Dwell { get; set; }
}
