namespace EdgeStation.Domain.Settings;

/// <summary>
/// Weights of the monthly safety index (平安指数). Each component scores 0–1 and contributes weight × score;
/// the weights need not sum to 100, the index is scaled to 0–100. Defaults are documented in docs/indicators.md.
/// </summary>
public sealed record SafetyIndexWeights
{
    public double NoCases { get; init; } = 20;
    public double NoEscalatedPetitions { get; init; } = 15;
    public double NoLawsuits { get; init; } = 10;
    public double NoCults { get; init; } = 10;
    public double DisputeResolution { get; init; } = 20;
    public double PetitionOnTime { get; init; } = 15;
    public double GridEventClosure { get; init; } = 10;
    /// <summary>Each incident in the month takes this much off its "no …" component (floored at 0).</summary>
    public double IncidentPenalty { get; init; } = 0.5;

    public double Total => NoCases + NoEscalatedPetitions + NoLawsuits + NoCults + DisputeResolution + PetitionOnTime + GridEventClosure;
}
