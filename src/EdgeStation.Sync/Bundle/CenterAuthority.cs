using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeStation.Sync.Bundle;

/// <summary>
/// The township center's own certificate authority: one ECDSA P-256 key that issues the center's server
/// certificate and every station's client certificate. Stations trust only it, and the center trusts only it,
/// so no public CA is ever involved.
/// </summary>
public sealed class CenterAuthority : IDisposable
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    private CenterAuthority(X509Certificate2 certificate, ECDsa key)
    {
        Certificate = certificate;
        Key = key;
    }

    /// <summary>The CA certificate, without its key.</summary>
    public X509Certificate2 Certificate { get; }

    public ECDsa Key { get; }

    /// <summary>A new CA named after the center, valid for <paramref name="years"/> years from <paramref name="now"/>.</summary>
    public static CenterAuthority Create(string centerName, DateTimeOffset now, int years = 20)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName($"CN={Escape(centerName)} CA, O=EdgeStation center");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var withKey = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(years));
        return new CenterAuthority(X509CertificateLoader.LoadCertificate(withKey.RawData), key);
    }

    /// <summary>The CA from its PEM files (certificate and PKCS#8 key); throws CryptographicException when one does not parse, ArgumentException when they do not match.</summary>
    public static CenterAuthority FromPem(string certificatePem, string keyPem)
    {
        var certificate = X509Certificate2.CreateFromPem(certificatePem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(keyPem);
            using var check = certificate.CopyWithPrivateKey(key);
        }
        catch
        {
            key.Dispose();
            certificate.Dispose();
            throw;
        }
        return new CenterAuthority(certificate, key);
    }

    public string CertificatePem() => Certificate.ExportCertificatePem();

    public string KeyPem() => Key.ExportPkcs8PrivateKeyPem();

    /// <summary>A client certificate for one station: its id is the common name, good for client authentication only.</summary>
    public (X509Certificate2 Certificate, ECDsa Key) IssueStation(string stationId, DateTimeOffset now, int years = 10)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={stationId}, O=EdgeStation station"), key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, ClientAuth);
        return (Issue(request, now, years), key);
    }

    /// <summary>The center's TLS server certificate, for the given host names and addresses.</summary>
    public (X509Certificate2 Certificate, ECDsa Key) IssueServer(IEnumerable<string> hosts, DateTimeOffset now, int years = 5)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=EdgeStation center, O=EdgeStation center"), key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, ServerAuth);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(host, out var ip))
            {
                names.AddIpAddress(ip);
            }
            else
            {
                names.AddDnsName(host);
            }
        }
        request.CertificateExtensions.Add(names.Build());
        return (Issue(request, now, years), key);
    }

    public void Dispose()
    {
        Key.Dispose();
        Certificate.Dispose();
    }

    private void AddLeafExtensions(CertificateRequest request, Oid usage)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
    }

    private X509Certificate2 Issue(CertificateRequest request, DateTimeOffset now, int years)
    {
        // A random serial: revocation is by serial as well as by station id.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var notAfter = now.AddYears(years);
        if (notAfter > Certificate.NotAfter)
        {
            notAfter = Certificate.NotAfter;
        }
        return request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(Key), now.AddMinutes(-5), notAfter, serial);
    }

    private static string Escape(string name) =>
        name.Replace("\"", "", StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal).Replace("=", " ", StringComparison.Ordinal);
}
