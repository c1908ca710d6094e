namespace EdgeStation.Station.Cli;

/// <summary>A record as the running service answered a write: what the CLI prints (<paramref name="Json"/> verbatim for --json).</summary>
public sealed record ServiceWrite(string Id, string Status, bool Voided, string Json);
