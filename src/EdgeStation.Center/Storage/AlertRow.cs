namespace EdgeStation.Center.Storage;

/// <summary>A persistent alert: it stays open until an admin resolves it (`alerts resolve`).</summary>
public sealed record AlertRow(long Id, string StationId, ulong Seq, AlertKind Kind, string Message, DateTimeOffset RaisedAt)
{
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }
    public bool Open => ResolvedAt is null;
}
