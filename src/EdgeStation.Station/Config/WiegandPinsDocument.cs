namespace EdgeStation.Station.Config;

/// <summary>A Wiegand reader's or keypad's two data lines in station.json.</summary>
public sealed class WiegandPinsDocument
{
    public int? D0 { get; set; }
    public int? D1 { get; set; }
}
