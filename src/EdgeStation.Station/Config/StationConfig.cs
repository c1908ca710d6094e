using EdgeStation.Domain.Settings;

namespace EdgeStation.Station.Config;

/// <summary>The loaded configuration: domain settings plus the station's own name.</summary>
public sealed record StationConfig(StationSettings Settings, string Village, string? SourceFile);
