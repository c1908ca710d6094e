using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Cli;
using EdgeStation.Station.Sync;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.Client;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Issue 16: a station back after 30 days offline drains 720 hourly summaries to the center (target ≤ 2 s): the
/// station's real outbox and <see cref="SyncPusher"/> (a new mTLS connection, as every push makes), the real center
/// (`edgestation-center run`, embedded store) on loopback. Floors in the same run, against <see cref="BareCenter"/> (the
/// same contract and TLS, nothing stored): one envelope out and its ack back on a kept-open channel built the same way
/// (<see cref="StationChannel"/>), the unary round trip of this link; and the same drain of 720 with the same client.
/// </summary>
[Config(typeof(BulkConfig))]
public class SyncDrainBenchmarks
{
    /// <summary>Round trips per iteration: one is ~0.1–1 ms, too short to time alone.</summary>
    public const int Echoes = 200;

    public const int Backlog = 720;
    private const string StationId = "bench-drain";

    private string _dir = null!;
    private CancellationTokenSource _stop = null!;
    private Task<int> _center = null!;
    private StationBundle _bundle = null!;
    private OutboxStore _outbox = null!;
    private WebApplication _echo = null!;
    private GrpcChannel _echoChannel = null!;
    private StationSync.StationSyncClient _echoClient = null!;
    private StationBundle _bareBundle = null!;
    private OutboxStore _bareOutbox = null!;
    private byte[] _summary = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("EDGESTATION_BENCH_TMP") is { Length: > 0 } tmp ? tmp : Path.GetTempPath();
        _dir = Path.Combine(Path.GetFullPath(root), $"sync-drain-{Environment.ProcessId}");
        var data = Path.Combine(_dir, "center");
        var port = FreePort();
        var quiet = new CenterContext(TextWriter.Null, Console.Error, TimeProvider.System, _ => null);
        Check(CenterCli.Run(["ca", "init", "--name", "基准镇", "--data-dir", data], quiet), "ca init");
        var bundlePath = Path.Combine(_dir, "station.bundle.json");
        Check(CenterCli.Run(["enroll", "--station", StationId, "--name", "基准村", "--endpoint", $"https://127.0.0.1:{port}", "--output", bundlePath, "--data-dir", data], quiet), "enroll");
        _bundle = StationBundle.Read(bundlePath, StationId, DateTimeOffset.UtcNow);

        _stop = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ctx = quiet with { Stop = _stop.Token, Started = _ => started.TrySetResult() };
        _center = Task.Run(() => CenterCli.Run(["run", "--urls", $"https://127.0.0.1:{port}", "--admin-port", "0", "--data-dir", data], ctx));
        if (Task.WhenAny(started.Task, _center).GetAwaiter().GetResult() != started.Task)
        {
            throw new InvalidOperationException($"the center did not start (exit {_center.Result})");
        }
        _outbox = OutboxStore.Open(Path.Combine(_dir, "station"));
        _summary = Summary().ToByteArray();

        using var authority = AuthorityFiles.Load(data);
        var barePort = FreePort();
        _echo = BareServer(authority, barePort);
        _echo.StartAsync().GetAwaiter().GetResult();
        _bareBundle = StationBundle.Issue(authority, StationId, "基准村", new Uri($"https://127.0.0.1:{barePort}"), DateTimeOffset.UtcNow);
        _bareOutbox = OutboxStore.Open(Path.Combine(_dir, "station-bare"));
        _echoChannel = StationChannel.Create(_bareBundle);
        _echoClient = new StationSync.StationSyncClient(_echoChannel);
        Echo(); // the handshake, once: the floor is a round trip on an open connection
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _echoChannel.Dispose();
        _echo.StopAsync().GetAwaiter().GetResult();
        _echo.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop.Cancel();
        _center.GetAwaiter().GetResult();
        _outbox.Dispose();
        _bareOutbox.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [IterationSetup(Target = nameof(Drain))]
    public void ThirtyDaysOffline() => Fill(_outbox);

    [IterationSetup(Target = nameof(DrainToBareCenter))]
    public void ThirtyDaysOfflineBare() => Fill(_bareOutbox);

    private void Fill(OutboxStore outbox)
    {
        for (var i = 0; i < Backlog; i++)
        {
            outbox.Enqueue(OutboxKind.HourlySummary, _summary);
        }
    }

    [Benchmark]
    public PushReport Drain() => DrainOnce(_outbox, _bundle);

    [Benchmark]
    public PushReport DrainToBareCenter() => DrainOnce(_bareOutbox, _bareBundle);

    private static PushReport DrainOnce(OutboxStore outbox, StationBundle bundle)
    {
        var report = new SyncPusher(outbox, TimeProvider.System).PushOnceAsync(bundle, CancellationToken.None).GetAwaiter().GetResult();
        if (!report.Ok || report.Acknowledged != Backlog)
        {
            throw new InvalidOperationException($"drain acknowledged {report.Acknowledged} of {Backlog}: {report.Error}");
        }
        return report;
    }

    [Benchmark(OperationsPerInvoke = Echoes)]
    public int EchoFloor()
    {
        var bytes = 0;
        for (var i = 0; i < Echoes; i++)
        {
            bytes += Echo().Length;
        }
        return bytes;
    }

    /// <summary>One envelope out, its ack back, on the open channel.</summary>
    private byte[] Echo()
    {
        using var call = _echoClient.Push();
        call.RequestStream.WriteAsync(new Envelope { StationId = StationId, Seq = 1, Kind = EnvelopeKind.HourlySummary, Payload = ByteString.CopyFrom(_summary) }).GetAwaiter().GetResult();
        if (!call.ResponseStream.MoveNext(CancellationToken.None).GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the bare center closed the stream without an ack");
        }
        call.RequestStream.CompleteAsync().GetAwaiter().GetResult();
        return call.ResponseStream.Current.ToByteArray();
    }

    private static WebApplication BareServer(CenterAuthority authority, int port)
    {
        var (certificate, key) = authority.IssueServer(["127.0.0.1", "localhost"], DateTimeOffset.UtcNow);
        X509Certificate2 server;
        using (certificate)
        using (key)
        using (var withKey = certificate.CopyWithPrivateKey(key))
        {
            server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
        var ca = X509CertificateLoader.LoadCertificate(authority.Certificate.RawData);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = server,
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                CheckCertificateRevocation = false,
                ClientCertificateValidation = (client, _, _) => StationChannel.IssuedByCenter(ca, client, System.Net.Security.SslPolicyErrors.None),
            });
        }));
        var app = builder.Build();
        app.MapGrpcService<BareCenter>();
        return app;
    }

    /// <summary>A station's hourly summary, typical figures (also what center-load's stations send).</summary>
    internal static HourlySummary Summary() => new()
    {
        PeriodStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        PeriodEnd = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds(),
        Figures = new Figures
        {
            AsOfDate = 20261201,
            Streaks = new StreakDays { NoCases = 289, NoEscalatedPetitions = 200, NoLawsuits = 512, NoCults = 640 },
            FourNothing = new FourNothing { Year = 2026, Achieved = true },
            SafetyIndex = new SafetyIndex { IndexCenti = 9655 },
            Disputes = new DisputeCounts { Red = 1, Open = 3, Resolved = 40 },
        },
    };

    private static void Check(int exit, string what)
    {
        if (exit != 0)
        {
            throw new InvalidOperationException($"{what} exited {exit}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
