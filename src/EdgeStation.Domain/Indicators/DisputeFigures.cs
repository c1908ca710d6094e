namespace EdgeStation.Domain.Indicators;

/// <summary>Disputes reported this year to date.</summary>
public sealed record DisputeFigures(int Accepted, int Resolved, int Escalated, int ClosedUnresolved, int Open, int Overdue, int FollowUpsOverdue, RiskCounts ByColour)
{
    /// <summary>Open disputes whose risk assessment is past due.</summary>
    public int AssessmentsOverdue { get; init; }
}

public sealed record RiskCounts(int Red, int Yellow, int Green, int Unassessed);
