namespace EdgeStation.Station.Cli.Camera;

/// <summary>One analysed frame in `camera analyze --json`: its source index, time, people present and what the pipeline did.</summary>
public sealed record AnalyzeFrameLine(long Frame, double T, int Persons, bool Detected, int Tracks, double Motion);
