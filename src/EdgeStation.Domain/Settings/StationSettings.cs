using EdgeStation.Domain.Deadlines;

namespace EdgeStation.Domain.Settings;

/// <summary>Everything a township may configure about how records are kept and judged.</summary>
public sealed record StationSettings
{
    public string TimeZone { get; init; } = "Asia/Shanghai";
    public string DefaultGrid { get; init; } = "grid-1";
    public IReadOnlyList<string> DisputeCategories { get; init; } =
        ["marriage-family", "neighbours", "land-forest", "labour-wages", "land-requisition", "other"];
    public IReadOnlyList<string> GridEventCategories { get; init; } =
        ["public-order", "safety-hazard", "environment", "infrastructure", "dispute-lead", "welfare", "other"];
    public DisputeDeadlineSettings DisputeDeadlines { get; init; } = new();
    /// <summary>A petition counts against "no escalated petitions" once it reaches a level above this one.</summary>
    public string EscalationAbove { get; init; } = "township";
    public SafetyIndexWeights SafetyIndex { get; init; } = new();
    public PetitionDeadlineRules PetitionRules { get; init; } = PetitionDeadlineRules.Default;
}
