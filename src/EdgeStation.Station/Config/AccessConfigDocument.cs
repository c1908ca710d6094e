namespace EdgeStation.Station.Config;

/// <summary>The "access" section of station.json: the GPIO chip, the doors, the alarm buttons and the OSDP bus (hardware/station.example.json).</summary>
public sealed class AccessConfigDocument
{
    /// <summary>"simulated" (no hardware; the demo), or the GPIO chip of the header, e.g. "gpiochip0".</summary>
    public string? Gpio { get; set; }
    public int? EventRetentionDays { get; set; }
    public int? EventQueue { get; set; }
    public List<DoorConfigDocument>? Doors { get; set; }
    public List<AlarmButtonDocument>? AlarmButtons { get; set; }
    /// <summary>OSDP readers on an RS-485 bus (docs/osdp.md); none when absent.</summary>
    public OsdpConfigDocument? Osdp { get; set; }
}
