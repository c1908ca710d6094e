using EdgeStation.Domain.Settings;

namespace EdgeStation.Station.Config;

/// <summary>The loaded configuration: domain settings, the station's own name, and where it serves.</summary>
public sealed record StationConfig(StationSettings Settings, string Village, string? SourceFile)
{
    public HttpSettings Http { get; init; } = new();
    public SessionSettings Sessions { get; init; } = new();

    /// <summary>The sync outbox's capacity (station.json "sync.outboxMegabytes").</summary>
    /// <summary>The doors and alarm buttons (station.json "access"); none by default.</summary>
    public AccessSettings Access { get; init; } = AccessSettings.None;

    /// <summary>The cameras (station.json "cameras", "cameraAlerts"); none by default.</summary>
    public Cameras.CameraSettings Cameras { get; init; } = Station.Cameras.CameraSettings.None;

    public long OutboxCapacityBytes { get; init; } = Storage.Outbox.OutboxStore.DefaultCapacityBytes;

    /// <summary>Grid id → display name (station.json "grids"); a grid without one shows its id.</summary>
    public IReadOnlyDictionary<string, string> GridNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
