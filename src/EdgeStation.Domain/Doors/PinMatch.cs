namespace EdgeStation.Domain.Doors;

/// <summary>Whose PIN was entered, and whether it was their duress PIN (胁迫码: opens, and raises a silent alarm).</summary>
public readonly record struct PinMatch(AccessPerson Person, bool Duress);
