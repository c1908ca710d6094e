namespace EdgeStation.Station.Config;

/// <summary>station.json's "access.osdp": one RS-485 bus of OSDP readers (docs/osdp.md).</summary>
public sealed class OsdpConfigDocument
{
    /// <summary>The serial device of the USB-RS485 adapter (/dev/ttyUSB0, better /dev/serial/by-id/…), or "simulated".</summary>
    public string? Device { get; set; }
    public int? Baud { get; set; }
    /// <summary>AES-128 secure channel with the site key in &lt;data-dir&gt;/osdp.key (default true).</summary>
    public bool? SecureChannel { get; set; }
    public List<OsdpReaderDocument>? Readers { get; set; }
}
