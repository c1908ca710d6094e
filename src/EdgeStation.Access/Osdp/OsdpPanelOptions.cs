namespace EdgeStation.Access.Osdp;

/// <summary>Timing of the panel's bus.</summary>
public sealed record OsdpPanelOptions
{
    /// <summary>How long a peripheral has to answer; the standard gives it 200 ms.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Pause between two rounds of polls: a card read reaches the door within about this long.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Unanswered exchanges in a row after which a reader counts as offline (an alarm).</summary>
    public int OfflineAfter { get; init; } = 3;
}
