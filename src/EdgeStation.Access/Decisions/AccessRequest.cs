using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Decisions;

/// <summary>One attempt at a door: a card, a PIN (digits as typed), or both.</summary>
public readonly record struct AccessRequest(int Door, ReaderDirection Direction, CardId? Card, string? Pin);
