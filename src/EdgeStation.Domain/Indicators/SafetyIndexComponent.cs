namespace EdgeStation.Domain.Indicators;

/// <summary>One weighted part of the safety index: score 0–1, points = weight × score scaled to 100.</summary>
public sealed record SafetyIndexComponent(string Name, double Weight, double Score, double Points);
