namespace EdgeStation.Center.Hosting;

/// <summary>How `run` serves: the stations' HTTPS addresses, the loopback admin port, extra names for the server certificate.</summary>
public sealed record CenterRunOptions(IReadOnlyList<Uri> Urls, int AdminPort, IReadOnlyList<string> ServerNames)
{
    /// <summary>The township's zone, for the dashboard's times (stations count their days in their own).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public const string DefaultUrl = "https://0.0.0.0:7443";
    public const int DefaultAdminPort = 7444;
}
