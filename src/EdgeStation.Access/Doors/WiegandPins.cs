namespace EdgeStation.Access.Doors;

/// <summary>The two data lines of a Wiegand reader (BCM numbers), after the 5 V→3.3 V level shifter.</summary>
public readonly record struct WiegandPins(int D0, int D1);
