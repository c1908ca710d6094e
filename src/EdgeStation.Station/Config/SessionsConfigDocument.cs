namespace EdgeStation.Station.Config;

/// <summary>The "sessions" section of station.json.</summary>
public sealed class SessionsConfigDocument
{
    public int? IdleMinutes { get; set; }
    public int? AbsoluteHours { get; set; }
}
