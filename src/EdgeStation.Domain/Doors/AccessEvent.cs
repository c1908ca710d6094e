namespace EdgeStation.Domain.Doors;

/// <summary>
/// One line of the access event log: when (UTC), which door (0: a station-wide input such as a one-button alarm), what
/// happened and why (a decision reason, an alarm kind, a mode). Person is an id, never a name; the log stays on the box.
/// </summary>
public sealed record AccessEvent(DateTimeOffset At, int Door, AccessEventKind Kind, string Reason)
{
    public string? Person { get; init; }
    public string? Card { get; init; }
    /// <summary>"in" or "out": which reader of the door.</summary>
    public string? Direction { get; init; }
    /// <summary>The door's or alarm input's name, as the kiosk shows it.</summary>
    public string? Source { get; init; }
    /// <summary>Who acted, for acknowledgements and mode changes ("user:NAME", "cli:root", "first-in").</summary>
    public string? Actor { get; init; }
}
