namespace EdgeStation.Station.Config;

/// <summary>Where `edgestation run` listens. Loopback by default: the kiosk browser runs on the box.</summary>
public sealed record HttpSettings
{
    public string Bind { get; init; } = "127.0.0.1";
    public int Port { get; init; } = 8080;
    public string? Certificate { get; init; }
    public string? CertificateKey { get; init; }
}
