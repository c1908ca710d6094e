using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EdgeStation.Center.Accounts;
using EdgeStation.Center.Admin;
using EdgeStation.Center.Dashboard;
using EdgeStation.Center.Ingest;
using EdgeStation.Center.Reports;
using EdgeStation.Center.Storage;
using EdgeStation.Sync.Bundle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Center.Hosting;

/// <summary>
/// Composes the running center: Kestrel with mutual TLS for stations (a server certificate issued by the center's CA
/// at each start; client certificates required and checked by <see cref="StationAdmission"/>), the gRPC ingest,
/// /healthz and /metrics, and the loopback admin endpoint.
/// </summary>
public static class CenterHost
{
    public static WebApplication Build(CenterRunOptions options, ICenterStore store, CenterAuthority authority, TimeProvider time, string adminToken, CenterAccounts accounts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Host.UseSystemd();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            o.UseUtcTimestamp = true;
        });
        // The center's own lines (ingest, alerts, refused handshakes) matter; per-request chatter does not.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        var serverCertificate = ServerCertificate(options, authority, time);
        var caCertificate = X509CertificateLoader.LoadCertificate(authority.Certificate.RawData);

        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(authority);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<CenterMetrics>();
        builder.Services.AddSingleton(sp => new StationAdmission(store, caCertificate, time, sp.GetRequiredService<CenterMetrics>(), sp.GetRequiredService<ILogger<StationAdmission>>()));
        builder.Services.AddSingleton<IngestService>();
        builder.Services.AddSingleton<IngestQueue>();
        builder.Services.AddSingleton(sp => new CenterAdmin(store, authority, time));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 4 * 1024 * 1024);

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var admission = kestrel.ApplicationServices.GetRequiredService<StationAdmission>();
            foreach (var url in options.Urls)
            {
                var endpoint = new IPEndPoint(ListenAddress(url.Host), url.Port);
                kestrel.Listen(endpoint, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = serverCertificate,
                        SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                        CheckCertificateRevocation = false, // our own revocation list, in the store
                        // The system's verdict (it does not know our CA) is ignored: only StationAdmission decides.
                        ClientCertificateValidation = (certificate, _, _) => admission.Admit(certificate) is not null,
                    });
                });
            }
            kestrel.Listen(IPAddress.Loopback, options.AdminPort, listen => listen.Protocols = HttpProtocols.Http1);
        });

        var app = builder.Build();
        // The stations' TLS port serves ingest and health only; the plain loopback port serves admin and health only.
        app.Use(async (http, next) =>
        {
            var tls = http.Features.Get<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>() is not null;
            var path = http.Request.Path;
            var health = path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics");
            var local = path.StartsWithSegments("/admin") || path == "/" || path.StartsWithSegments("/reports") || path.StartsWithSegments("/villages");
            var allowed = health || (tls ? !local : local);
            if (!allowed)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(http);
        });
        app.MapGrpcService<StationSyncService>();
        // The process answers, nothing read: a liveness probe, and the floor the dashboard's benchmark is measured against.
        app.MapGet("/healthz/live", () => Results.Text("ok\n"));
        app.MapGet("/healthz", (ICenterStore s) =>
        {
            s.AllStations();
            return Results.Text("ok\n");
        });
        app.MapGet("/metrics", (CenterMetrics metrics, CenterAdmin admin, ICenterStore s) =>
        {
            var stations = admin.Stations();
            return Results.Text(metrics.Text(stations.Count, stations.Count(v => v.Stale && !v.Revoked), s.AlertList().Count), "text/plain; version=0.0.4");
        });
        app.MapAdmin(adminToken);
        // Read-only figures (nothing personal) on the loopback port; accounts come with a LAN listener (docs/center.md).
        app.MapGet("/", (int? stale, int? page, CenterAdmin admin, ICenterStore s) =>
        {
            var staleAfter = stale is > 0 and <= 24 * 30 ? TimeSpan.FromHours(stale.Value) : CenterAdmin.DefaultStaleAfter;
            var stations = admin.Stations(staleAfter);
            var pages = DashboardPage.Pages(stations.Count);
            if (page is { } p && (p < 1 || p > pages))
            {
                return Results.Problem(title: $"page {p} does not exist: the villages fill pages 1–{pages}", statusCode: StatusCodes.Status400BadRequest);
            }
            return Results.Content(DashboardPage.Render(stations, s.AlertList(), staleAfter, time.GetUtcNow(), options.TimeZone, page ?? 1), "text/html; charset=utf-8");
        });
        app.MapReports(accounts, time, options.TimeZone);
        return app;
    }

    private static IPAddress ListenAddress(string host) =>
        host is "0.0.0.0" or "*" or "+" ? IPAddress.Any
        : host is "[::]" or "::" ? IPAddress.IPv6Any
        : host == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip
        : throw new Cli.UsageException($"--urls: listen on an IP address (e.g. https://0.0.0.0:7443), not the name '{host}'");

    /// <summary>Issued at each start for every name a station may use: the listen addresses, this host, loopback and --server-name.</summary>
    private static X509Certificate2 ServerCertificate(CenterRunOptions options, CenterAuthority authority, TimeProvider time)
    {
        var names = new List<string> { "localhost", "127.0.0.1", "::1", Dns.GetHostName() };
        names.AddRange(options.Urls.Select(u => u.Host.Trim('[', ']')).Where(h => h is not ("0.0.0.0" or "::" or "*" or "+")));
        names.AddRange(options.ServerNames);
        var (certificate, key) = authority.IssueServer(names, time.GetUtcNow());
        using (certificate)
        using (key)
        {
            using var withKey = certificate.CopyWithPrivateKey(key);
            // Round-trip through PKCS#12 so the key is usable by the TLS stack on every platform.
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
    }
}
