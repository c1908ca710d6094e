using EdgeStation.Domain.Doors;

namespace EdgeStation.Station.Doors;

/// <summary>
/// What `door simulate` saw: the door's events, and for an OSDP reader what the reader itself was told to show (its LED
/// colour and beeps, as they crossed the bus), so a demo shows the whole loop from card to reader light.
/// </summary>
public sealed record SimulatedAttempt(IReadOnlyList<AccessEvent> Events)
{
    /// <summary>The OSDP reader's bus address; null for a wired (Wiegand) reader or a non-reader action.</summary>
    public byte? OsdpAddress { get; init; }
    /// <summary>"green", "red", "amber"; null when the reader was sent nothing.</summary>
    public string? ReaderLed { get; init; }
    public int ReaderBeeps { get; init; }
}
