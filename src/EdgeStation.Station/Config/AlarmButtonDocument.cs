namespace EdgeStation.Station.Config;

/// <summary>A one-button alarm in station.json: its name on the kiosk, its line, and the door it sits by (for `door simulate alarm`).</summary>
public sealed class AlarmButtonDocument
{
    public string? Name { get; set; }
    public int? Pin { get; set; }
    public int? Door { get; set; }
    /// <summary>"panic" (default) or "tamper".</summary>
    public string? Kind { get; set; }
}
