using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EdgeStation.Sync.Contract;

namespace EdgeStation.Sync.Bundle;

/// <summary>
/// The provisioning bundle: everything a station needs to reach its center (id, name, endpoint, the center's CA,
/// its own certificate and key), signed by the CA. The center's <c>enroll</c> writes it, the station's
/// <c>provision --bundle</c> reads it. A bundle that is read has passed every check (docs/sync.md).
/// </summary>
public sealed class StationBundle
{
    public const string FormatTag = "edgestation-station-bundle/1";

    private StationBundle(StationBundleDocument document, DateTimeOffset issuedAt, Uri endpoint)
    {
        Document = document;
        IssuedAt = issuedAt;
        CenterEndpoint = endpoint;
    }

    public string StationId => Document.StationId!;
    public string StationName => Document.StationName!;
    public Uri CenterEndpoint { get; }
    public string CaCertificatePem => Document.CaCertificatePem!;
    public string StationCertificatePem => Document.StationCertificatePem!;
    /// <summary>The station's private key (PKCS#8 PEM). Never print it; store it 0600.</summary>
    public string StationPrivateKeyPem => Document.StationPrivateKeyPem!;
    public DateTimeOffset IssuedAt { get; }

    private StationBundleDocument Document { get; }

    /// <summary>Issues a station a new key and certificate and signs the bundle with the CA.</summary>
    public static StationBundle Issue(CenterAuthority ca, string stationId, string stationName, Uri centerEndpoint, DateTimeOffset now)
    {
        if (StationIdFormat.Problem(stationId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(stationId));
        }
        var (certificate, key) = ca.IssueStation(stationId, now);
        using (certificate)
        using (key)
        {
            var document = new StationBundleDocument
            {
                Format = FormatTag,
                StationId = stationId,
                StationName = stationName,
                CenterEndpoint = centerEndpoint.ToString(),
                CaCertificatePem = ca.CertificatePem(),
                StationCertificatePem = certificate.ExportCertificatePem(),
                StationPrivateKeyPem = key.ExportPkcs8PrivateKeyPem(),
                IssuedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            };
            Sign(document, ca.Key);
            return Verify(document, null, now);
        }
    }

    /// <summary>Sets the signature over the document's canonical bytes (also used by tests that forge bundles).</summary>
    public static void Sign(StationBundleDocument document, ECDsa caKey) =>
        document.Signature = Convert.ToBase64String(caKey.SignData(BundleCanonicalBytes.Of(document), HashAlgorithmName.SHA256));

    /// <summary>Reads and checks a bundle file; <paramref name="expectedStationId"/> refuses one made for another station.</summary>
    public static StationBundle Read(string path, string? expectedStationId, DateTimeOffset now) =>
        Parse(File.ReadAllBytes(path), expectedStationId, now);

    public static StationBundle Parse(ReadOnlySpan<byte> json, string? expectedStationId, DateTimeOffset now)
    {
        StationBundleDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, StationBundleJsonContext.Default.StationBundleDocument);
        }
        catch (JsonException e)
        {
            throw new StationBundleException(BundleProblem.Malformed, $"not a station bundle: the file is not valid JSON ({e.Message})", e);
        }
        return Verify(document ?? throw new StationBundleException(BundleProblem.Malformed, "not a station bundle: the file holds JSON null"), expectedStationId, now);
    }

    /// <summary>The signed JSON, as written to the bundle file.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Document, StationBundleJsonContext.Default.StationBundleDocument);

    /// <summary>Writes the bundle readable by its owner only (0600): it holds the station's private key.</summary>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(ToJson());
                stream.Flush(true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The station's client certificate with its key, for the TLS handshake.</summary>
    public X509Certificate2 ClientCertificate() => X509Certificate2.CreateFromPem(StationCertificatePem, StationPrivateKeyPem);

    public X509Certificate2 CaCertificate() => X509Certificate2.CreateFromPem(CaCertificatePem);

    private static StationBundle Verify(StationBundleDocument d, string? expectedStationId, DateTimeOffset now)
    {
        if (d.Format != FormatTag)
        {
            throw new StationBundleException(BundleProblem.UnknownFormat, d.Format is null
                ? "not a station bundle: it has no \"format\" field"
                : $"unknown bundle format '{d.Format}' (this build reads '{FormatTag}')");
        }
        Require(d.StationId, "stationId");
        Require(d.StationName, "stationName");
        Require(d.CenterEndpoint, "centerEndpoint");
        Require(d.CaCertificatePem, "caCertificatePem");
        Require(d.StationCertificatePem, "stationCertificatePem");
        Require(d.StationPrivateKeyPem, "stationPrivateKeyPem");
        Require(d.IssuedAt, "issuedAt");
        Require(d.Signature, "signature");
        if (StationIdFormat.Problem(d.StationId) is { } idProblem)
        {
            throw new StationBundleException(BundleProblem.Malformed, $"malformed bundle: {idProblem}");
        }
        if (!DateTimeOffset.TryParseExact(d.IssuedAt, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var issuedAt))
        {
            throw new StationBundleException(BundleProblem.Malformed, $"malformed bundle: issuedAt '{d.IssuedAt}' is not a UTC time like 2026-12-01T06:30:00Z");
        }
        if (!Uri.TryCreate(d.CenterEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new StationBundleException(BundleProblem.Malformed, $"malformed bundle: centerEndpoint '{d.CenterEndpoint}' is not an https:// address");
        }

        using var ca = Load(d.CaCertificatePem!, "the CA certificate");
        using (var caKey = ca.GetECDsaPublicKey() ?? throw new StationBundleException(BundleProblem.Malformed, "malformed bundle: the CA certificate has no ECDSA key"))
        {
            var signature = Base64(d.Signature!);
            if (!caKey.VerifyData(BundleCanonicalBytes.Of(d), signature, HashAlgorithmName.SHA256))
            {
                throw new StationBundleException(BundleProblem.BadSignature, "the bundle's signature does not match its contents: it was changed after the center issued it, or signed by another CA; ask the center for a new one");
            }
        }

        using var station = Load(d.StationCertificatePem!, "the station certificate");
        CheckIssuedBy(station, ca, now);
        if (station.GetNameInfo(X509NameType.SimpleName, false) != d.StationId)
        {
            throw new StationBundleException(BundleProblem.Malformed, $"malformed bundle: the certificate is for '{station.GetNameInfo(X509NameType.SimpleName, false)}', the bundle says '{d.StationId}'");
        }
        try
        {
            using var withKey = X509Certificate2.CreateFromPem(d.StationCertificatePem, d.StationPrivateKeyPem);
        }
        catch (ArgumentException e)
        {
            throw new StationBundleException(BundleProblem.KeyMismatch, "the bundle's private key does not belong to its station certificate", e);
        }
        catch (CryptographicException e)
        {
            throw new StationBundleException(BundleProblem.Malformed, "malformed bundle: the station's private key does not parse as a PKCS#8 EC key", e);
        }
        if (expectedStationId is not null && expectedStationId != d.StationId)
        {
            throw new StationBundleException(BundleProblem.WrongStation, $"this bundle is for station '{d.StationId}', this station is '{expectedStationId}'");
        }
        return new StationBundle(d, issuedAt, endpoint);
    }

    /// <summary>Checks the chain against this CA alone, as the center will in the handshake.</summary>
    private static void CheckIssuedBy(X509Certificate2 station, X509Certificate2 ca, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(station))
        {
            var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
            throw new StationBundleException(BundleProblem.NotIssuedByCa, $"the station certificate was not issued by the bundle's CA or is not valid now ({why})");
        }
    }

    private static X509Certificate2 Load(string pem, string what)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new StationBundleException(BundleProblem.Malformed, $"malformed bundle: {what} does not parse ({e.Message})", e);
        }
    }

    private static byte[] Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new StationBundleException(BundleProblem.BadSignature, "the bundle's signature is not base64", e);
        }
    }

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new StationBundleException(BundleProblem.Malformed, $"malformed bundle: \"{field}\" is missing");
        }
    }
}
