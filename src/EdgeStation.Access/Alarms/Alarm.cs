namespace EdgeStation.Access.Alarms;

/// <summary>
/// One alarm on the board: what, where (a door's or an input's name), when, whether its cause is still there, and
/// who acknowledged it. Silent alarms (duress) show on the kiosk but never sound at the door.
/// </summary>
public sealed record Alarm(long Id, AlarmKind Kind, string Source, DateTimeOffset RaisedAt, bool Silent)
{
    public bool CauseActive { get; init; } = true;
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }

    public bool Acknowledged => AcknowledgedBy is not null;
}
