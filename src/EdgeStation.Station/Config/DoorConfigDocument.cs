namespace EdgeStation.Station.Config;

/// <summary>One door in station.json's "access.doors" (BCM line numbers).</summary>
public sealed class DoorConfigDocument
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public int? Lock { get; set; }
    public bool? LockActiveHigh { get; set; }
    /// <summary>"safe" (断电开门, magnetic lock) or "secure" (断电关门, strike).</summary>
    public string? FailMode { get; set; }
    public double? PulseSeconds { get; set; }
    public double? HeldOpenSeconds { get; set; }
    public int? Contact { get; set; }
    public int? Rex { get; set; }
    public int? Buzzer { get; set; }
    public int? Led { get; set; }
    public WiegandPinsDocument? ReaderIn { get; set; }
    public WiegandPinsDocument? ReaderOut { get; set; }
    public WiegandPinsDocument? Keypad { get; set; }
    public string? Mode { get; set; }
    public int? ModeSchedule { get; set; }
    public string? ModeOutside { get; set; }
    /// <summary>"none", "soft" or "hard".</summary>
    public string? AntiPassback { get; set; }
    public string? AntiPassbackZone { get; set; }
    public string? InterlockGroup { get; set; }
    public int? FirstInSchedule { get; set; }
}
