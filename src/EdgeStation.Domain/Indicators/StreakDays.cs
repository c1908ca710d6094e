namespace EdgeStation.Domain.Indicators;

/// <summary>Consecutive days without each kind of incident (无案件/无上访/无诉讼/无邪教).</summary>
public sealed record StreakDays(int NoCases, int NoPetitions, int NoLawsuits, int NoCults);
