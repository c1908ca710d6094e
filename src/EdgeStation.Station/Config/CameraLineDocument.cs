namespace EdgeStation.Station.Config;

/// <summary>
/// A counting line of a camera in station.json: its name and "X1,Y1,X2,Y2" in the camera's own pixels ("points") or in
/// fractions of the picture ("across", what `camera zones add --line` writes). Forward is Start→End turned clockwise.
/// </summary>
public sealed class CameraLineDocument
{
    public string? Name { get; set; }

    public string? Points { get; set; }

    public string? Across { get; set; }
}
