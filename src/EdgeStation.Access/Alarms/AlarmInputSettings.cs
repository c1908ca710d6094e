namespace EdgeStation.Access.Alarms;

/// <summary>An alarm input (BCM pin): a one-button alarm or a tamper switch, wired to ground with the pull-up, so a press reads Low.</summary>
public sealed record AlarmInputSettings(string Name, int Pin)
{
    public AlarmKind Kind { get; init; } = AlarmKind.Panic;
}
