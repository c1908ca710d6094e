namespace EdgeStation.Center.Admin;

/// <summary>
/// One village as township staff see it in `stations list` and the dashboard: last contact, streaks, safety index,
/// ledger continuity. Also the JSON of `stations list --json` (camelCase).
/// </summary>
public sealed record StationView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }
    public bool Revoked { get; init; }
    public DateTimeOffset? LastContact { get; init; }
    /// <summary>No contact for longer than the stale threshold (or never).</summary>
    public bool Stale { get; init; }
    public long Envelopes { get; init; }
    public long KeptUnknown { get; init; }
    /// <summary>The day the latest figures are for (yyyy-MM-dd), null before the first summary.</summary>
    public string? FiguresAsOf { get; init; }
    public StreakView? Streaks { get; init; }
    public bool? FourNothing { get; init; }
    /// <summary>平安指数, 0–100.</summary>
    public double? SafetyIndex { get; init; }
    public int? RedDisputes { get; init; }
    public int? OverduePetitions { get; init; }
    /// <summary>"intact", "alert" (open continuity alerts) or "no digests yet".</summary>
    public required string Continuity { get; init; }
    public int OpenAlerts { get; init; }
    public ulong LedgerDigestHead { get; init; }
    public string? Version { get; init; }
}
