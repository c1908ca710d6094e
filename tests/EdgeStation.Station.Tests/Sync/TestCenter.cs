using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Station.Tests.Sync;

/// <summary>
/// A minimal township center for the station's sync tests: the real Push service contract (the Sync stubs) on a loopback
/// Kestrel over real mutual TLS, with a server certificate and station bundles from a real <see cref="CenterAuthority"/>.
/// It stores envelopes by (station, seq) as the center does and can be told to answer in other orders or twice.
/// </summary>
public sealed class TestCenter : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestCenter(WebApplication app, CenterAuthority ca, Uri endpoint, Ingest ingest)
    {
        _app = app;
        Authority = ca;
        Endpoint = endpoint;
        Received = ingest;
    }

    public CenterAuthority Authority { get; }
    public Uri Endpoint { get; }
    public Ingest Received { get; }

    public static async Task<TestCenter> StartAsync(DateTimeOffset now, CenterAuthority? ca = null)
    {
        ca ??= CenterAuthority.Create("测试乡镇", now);
        var (serverCert, serverKey) = ca.IssueServer(["127.0.0.1", "localhost"], now);
        using var withKey = serverCert.CopyWithPrivateKey(serverKey);
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        var trusted = ca.Certificate;
        var ingest = new Ingest();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0, o =>
            {
                o.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2;
                o.UseHttps(h =>
                {
                    h.ServerCertificate = server;
                    h.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    h.ClientCertificateValidation = (cert, _, _) =>
                        ChainsTo(cert, trusted) && !ingest.Revoked.Contains(cert.GetNameInfo(X509NameType.SimpleName, false));
                });
            });
        });

        builder.Services.AddGrpc();
        builder.Services.AddSingleton(ingest);
        var app = builder.Build();
        app.MapGrpcService<PushService>();
        await app.StartAsync();
        var address = app.Urls.Single();
        return new TestCenter(app, ca, new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)), ingest);
    }

    public StationBundle Enroll(string stationId, DateTimeOffset now) => StationBundle.Issue(Authority, stationId, "东山村", Endpoint, now);

    private static bool ChainsTo(X509Certificate2 cert, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(cert);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Authority.Dispose();
    }

    /// <summary>What the center stored, and how it is told to answer.</summary>
    public sealed class Ingest
    {
        private readonly ConcurrentDictionary<(string, ulong), Envelope> _stored = new();
        private readonly ConcurrentQueue<ulong> _arrivals = new();

        /// <summary>Answer each batch of this many envelopes in reverse order (acks out of order), 1 = in order.</summary>
        public int ReverseBatch { get; set; } = 1;
        /// <summary>Stations whose certificate the handshake refuses, as a revocation does.</summary>
        public ConcurrentBag<string> Revoked { get; } = [];
        /// <summary>Send every ack twice.</summary>
        public bool AckTwice { get; set; }
        /// <summary>Refuse this seq (center unavailable) instead of storing it.</summary>
        public ulong? RefuseSeq { get; set; }

        /// <summary>Every envelope as it arrived, resends included.</summary>
        public IReadOnlyList<ulong> Arrivals => [.. _arrivals];

        /// <summary>Exactly-once view: the stored envelopes of a station by seq.</summary>
        public IReadOnlyList<Envelope> Stored(string stationId) =>
            [.. _stored.Where(kv => kv.Key.Item1 == stationId).OrderBy(kv => kv.Key.Item2).Select(kv => kv.Value)];

        public Ack Take(Envelope e, string certificateStation)
        {
            _arrivals.Enqueue(e.Seq);
            if (e.StationId != certificateStation)
            {
                return new Ack { StationId = e.StationId, Seq = e.Seq, Status = AckStatus.Refused, Reason = AckReason.StationMismatch };
            }
            if (RefuseSeq == e.Seq)
            {
                return new Ack { StationId = e.StationId, Seq = e.Seq, Status = AckStatus.Refused, Reason = AckReason.CenterUnavailable };
            }
            var added = _stored.TryAdd((e.StationId, e.Seq), e);
            return new Ack { StationId = e.StationId, Seq = e.Seq, Status = added ? AckStatus.Accepted : AckStatus.Duplicate };
        }
    }

    private sealed class PushService(Ingest ingest) : StationSync.StationSyncBase
    {
        public override async Task Push(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<Ack> responseStream, ServerCallContext context)
        {
            var station = context.GetHttpContext().Connection.ClientCertificate!.GetNameInfo(X509NameType.SimpleName, false);
            var batch = new List<Ack>();
            async Task Flush()
            {
                batch.Reverse();
                foreach (var ack in batch)
                {
                    await responseStream.WriteAsync(ack);
                    if (ingest.AckTwice)
                    {
                        await responseStream.WriteAsync(ack);
                    }
                }
                batch.Clear();
            }
            await foreach (var e in requestStream.ReadAllAsync(context.CancellationToken))
            {
                batch.Add(ingest.Take(e, station));
                if (batch.Count >= ingest.ReverseBatch)
                {
                    await Flush();
                }
            }
            await Flush();
        }
    }
}
