namespace EdgeStation.Station.Config;

/// <summary>The "sync" section of station.json: the outbox to the township center.</summary>
public sealed class SyncConfigDocument
{
    /// <summary>The outbox's capacity in MiB (1–4096, default 64).</summary>
    public int? OutboxMegabytes { get; set; }
}
