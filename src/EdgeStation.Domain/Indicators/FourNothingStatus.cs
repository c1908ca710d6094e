namespace EdgeStation.Domain.Indicators;

/// <summary>四无平安村 for the year to date: no cases, no escalated petitions, no lawsuits, no cult activity.</summary>
public sealed record FourNothingStatus(int Year, bool Achieved, int Cases, int EscalatedPetitions, int Lawsuits, int Cults);
