namespace EdgeStation.Station.Config;

/// <summary>One reader on the OSDP bus: its address, the reader number on it (0 for a single reader), and the door side it serves.</summary>
public sealed class OsdpReaderDocument
{
    public int? Address { get; set; }
    public int? Reader { get; set; }
    public int? Door { get; set; }
    /// <summary>"in" or "out".</summary>
    public string? Direction { get; set; }
}
