using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EdgeStation.Sync.Bundle;
using Grpc.Net.Client;

namespace EdgeStation.Sync.Client;

/// <summary>
/// The station's gRPC channel to its center over mutual TLS: it presents the bundle's station certificate and
/// trusts the center's server certificate only if the bundle's CA issued it (never the system's CAs).
/// </summary>
public static class StationChannel
{
    /// <param name="address">Another address than the bundle's endpoint (an engineer testing a link, tests on a free port).</param>
    public static GrpcChannel Create(StationBundle bundle, TimeSpan? connectTimeout = null, Uri? address = null)
    {
        var ca = bundle.CaCertificate();
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(15),
            // A 4G link drops silently: pings find a dead connection before the next push waits on it.
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [bundle.ClientCertificate()],
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IssuedByCenter(ca, certificate, errors),
            },
        };
        return GrpcChannel.ForAddress(address ?? bundle.CenterEndpoint, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    /// <summary>The server certificate names the host and chains to the center's CA alone.</summary>
    public static bool IssuedByCenter(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        // The chain error is expected (the system does not know our CA); a name mismatch or no certificate is not.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(server);
    }
}
