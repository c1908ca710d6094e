namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// A zone event in `camera analyze --json`: "zone-enter" (a visit began) or "loiter" (the dwell time was reached while
/// armed); <c>alert</c> says whether the station raises an alert for it. <c>dwell</c> is seconds stayed (loiter only).
/// </summary>
public sealed record AnalyzeZoneEventLine(string Event, long Frame, double T, string Zone, int Track, bool Armed, bool Alert, double? Dwell);
