namespace EdgeStation.Domain.Indicators;

/// <summary>Grid events collected and closed this year to date.</summary>
public sealed record GridEventFigures(int Collected, int Closed);
