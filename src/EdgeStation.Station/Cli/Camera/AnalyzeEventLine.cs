namespace EdgeStation.Station.Cli.Camera;

/// <summary>One event in `camera analyze --json` (now: "line-cross"), at the source frame that completed it.</summary>
public sealed record AnalyzeEventLine(string Event, long Frame, double T, string Line, int Track, string Direction, int Forward, int Backward);
