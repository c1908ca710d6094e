namespace EdgeStation.Station.Config;

/// <summary>The "http" section of station.json: where the kiosk and API listen.</summary>
public sealed class HttpConfigDocument
{
    public string? Bind { get; set; }
    public int? Port { get; set; }
    /// <summary>PEM or PFX certificate for HTTPS; without it the station serves plain HTTP.</summary>
    public string? Certificate { get; set; }
    public string? CertificateKey { get; set; }
}
