namespace EdgeStation.Sync.Bundle;

/// <summary>
/// The bundle file as JSON. Every field is text exactly as signed, so re-reading never changes the bytes the
/// signature covers (see <see cref="BundleCanonicalBytes"/>).
/// </summary>
public sealed class StationBundleDocument
{
    public string? Format { get; set; }
    public string? StationId { get; set; }
    public string? StationName { get; set; }
    public string? CenterEndpoint { get; set; }
    public string? CaCertificatePem { get; set; }
    public string? StationCertificatePem { get; set; }
    public string? StationPrivateKeyPem { get; set; }
    /// <summary>UTC, ISO 8601 to the second (2026-12-01T06:30:00Z).</summary>
    public string? IssuedAt { get; set; }
    /// <summary>Base64 of the CA's ECDSA P-256 / SHA-256 signature (IEEE P1363, 64 bytes) over the canonical bytes.</summary>
    public string? Signature { get; set; }
}
