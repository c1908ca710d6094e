namespace EdgeStation.Station.Cameras;

/// <summary>The cameras of station.json and how long their alerts are kept.</summary>
public sealed record CameraSettings(IReadOnlyList<CameraDefinition> Cameras, int RetentionDays, long MaxAlertBytes)
{
    /// <summary>30 days and 2 GiB: on a 32 GB card that leaves the ledger, the system and updates far more than they need.</summary>
    public const int DefaultRetentionDays = 30;

    public const int DefaultMegabytes = 2048;

    public static CameraSettings None { get; } = new([], DefaultRetentionDays, DefaultMegabytes * 1024L * 1024);
}
