namespace EdgeStation.Domain.Settings;

/// <summary>
/// Dispute handling deadlines in calendar days from the report. Defaults follow common county practice
/// (红色 fastest); every township sets its own, so they are configuration, not law.
/// </summary>
public sealed record DisputeDeadlineSettings
{
    public int AssessmentDays { get; init; } = 3;
    public int RedDays { get; init; } = 5;
    public int YellowDays { get; init; } = 15;
    public int GreenDays { get; init; } = 30;
    /// <summary>回访: a follow-up visit is due this many days after resolution.</summary>
    public int FollowUpDays { get; init; } = 15;

    public int ResolutionDays(string? colour) => colour switch
    {
        RiskColour.Red => RedDays,
        RiskColour.Yellow => YellowDays,
        RiskColour.Green => GreenDays,
        _ => GreenDays,
    };
}
