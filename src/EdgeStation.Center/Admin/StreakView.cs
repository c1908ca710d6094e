namespace EdgeStation.Center.Admin;

/// <summary>Days without cases, escalated petitions, lawsuits and cult activity (四无).</summary>
public sealed record StreakView(uint NoCases, uint NoEscalatedPetitions, uint NoLawsuits, uint NoCults);
