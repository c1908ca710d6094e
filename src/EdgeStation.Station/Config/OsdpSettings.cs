using EdgeStation.Access.Osdp;

namespace EdgeStation.Station.Config;

/// <summary>The OSDP bus as configured and checked (<see cref="AccessConfigParser"/>): device, speed, secure channel, readers at doors.</summary>
public sealed record OsdpSettings(string Device, int Baud, bool SecureChannel, IReadOnlyList<OsdpReaderBinding> Readers)
{
    public const string Simulated = "simulated";

    /// <summary>The site's secure channel base key (SCBK), 32 hex digits, owner-only, in the data directory; never printed.</summary>
    public const string KeyFile = "osdp.key";

    public bool IsSimulated => Device == Simulated;

    /// <summary>The bus addresses in use, each once.</summary>
    public IReadOnlyList<byte> Addresses => [.. Readers.Select(r => r.Address).Distinct().Order()];
}
