namespace EdgeStation.Storage.Cameras;

/// <summary>
/// One camera alert as kept on the box: which camera, what (<c>zone-enter</c>, <c>loiter</c>, <c>tamper</c>), the zone or
/// tamper kind it concerns, when (UTC), the size of its snapshot (0: none), and who acknowledged it when. Never a name:
/// cameras count, they never identify anyone.
/// </summary>
public sealed record StoredCameraAlert(
    long Id,
    string Camera,
    string Kind,
    string Detail,
    DateTimeOffset At,
    long SnapshotBytes,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt)
{
    public bool IsAcknowledged => AcknowledgedAt is not null;
}
