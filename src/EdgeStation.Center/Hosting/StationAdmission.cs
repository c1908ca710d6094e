using System.Security.Cryptography.X509Certificates;
using EdgeStation.Center.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Center.Hosting;

/// <summary>
/// Who may connect: a client certificate issued by this center's CA alone (never the system's CAs), for client
/// authentication, naming an enrolled station, and that station's current certificate (not a retired one, not
/// revoked). Read from the store at every handshake and again on every envelope, so a revocation takes effect at once.
/// </summary>
public sealed class StationAdmission(ICenterStore store, X509Certificate2 ca, TimeProvider time, CenterMetrics metrics, ILogger<StationAdmission> logger)
{
    private static readonly System.Security.Cryptography.Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    /// <summary>The station the certificate stands for, or null with the reason logged.</summary>
    public string? Admit(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return Refuse("(none)", "no client certificate");
        }
        using (var chain = new X509Chain())
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ApplicationPolicy.Add(ClientAuth);
            chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
            chain.ChainPolicy.VerificationTimeIgnored = false;
            if (!chain.Build(certificate))
            {
                var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
                return Refuse(certificate.Subject, $"not issued by this center's CA, or not valid now ({why})");
            }
        }
        var id = certificate.GetNameInfo(X509NameType.SimpleName, false);
        return store.Station(id) switch
        {
            null => Refuse(certificate.Subject, $"no station '{id}' is enrolled"),
            { Revoked: true } => Refuse(certificate.Subject, $"station '{id}' is revoked"),
            { CertificateSerial: var serial } when serial != certificate.SerialNumber => Refuse(certificate.Subject, $"a retired certificate of station '{id}' (it was enrolled again)"),
            _ => id,
        };
    }

    /// <summary>Between envelopes: the station is still enrolled with this certificate and not revoked (no chain rebuilt).</summary>
    public bool StillAdmitted(string stationId, string serial) =>
        store.Station(stationId) is { Revoked: false } row && row.CertificateSerial == serial;

    private string? Refuse(string subject, string why)
    {
        metrics.HandshakeRefused();
        CenterLog.HandshakeRefused(logger, subject, why);
        return null;
    }
}
