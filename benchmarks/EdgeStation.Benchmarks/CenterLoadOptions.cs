namespace EdgeStation.Benchmarks;

/// <summary>`center-load` settings: stations, the backlog each drains at once, then the steady phase (0 s: none).</summary>
/// <param name="Database">A PostgreSQL connection string for the center's `--db`, or null for its embedded LiteDB.</param>
public sealed record CenterLoadOptions(int Stations, int Backlog, int SteadySeconds, int IntervalSeconds, string? Database);
