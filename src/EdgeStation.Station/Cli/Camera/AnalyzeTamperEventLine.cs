namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// A tamper change in `camera analyze --json`: <c>kind</c> covered | defocused | moved | stream-lost, <c>state</c> begin |
/// end, and the figure that decided it (<c>measure</c>: standard deviation, detail share or correlation).
/// </summary>
public sealed record AnalyzeTamperEventLine(string Event, long Frame, double T, string Kind, string State, double Measure);
