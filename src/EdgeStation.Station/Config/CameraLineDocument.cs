namespace EdgeStation.Station.Config;

/// <summary>A counting line of a camera in station.json: its name and "X1,Y1,X2,Y2" in the camera's own pixels.</summary>
public sealed class CameraLineDocument
{
    public string? Name { get; set; }

    public string? Points { get; set; }
}
