using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.Client;
using EdgeStation.Sync.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace EdgeStation.Center.Tests.Support;

/// <summary>A station's side of the stream, built from an enrolled bundle (or any certificate, to play an intruder).</summary>
public sealed class StationClient : IDisposable
{
    private readonly GrpcChannel _channel;

    private StationClient(GrpcChannel channel) => _channel = channel;

    public static StationClient From(StationBundle bundle, Uri address) => new(StationChannel.Create(bundle, address: address));

    /// <summary>Presents <paramref name="certificate"/> while trusting the real center (so the handshake reaches the center's check).</summary>
    public static StationClient WithCertificate(X509Certificate2 certificate, X509Certificate2 centerCa, Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                RemoteCertificateValidationCallback = (_, server, _, errors) => StationChannel.IssuedByCenter(centerCa, server, errors),
            },
        };
        return new(GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true }));
    }

    /// <summary>Sends the envelopes on one stream and returns the acks, one per envelope, in order.</summary>
    public async Task<List<Ack>> Push(params Envelope[] envelopes)
    {
        var client = new StationSync.StationSyncClient(_channel);
        using var call = client.Push(deadline: DateTime.UtcNow.AddMinutes(1));
        var acks = new List<Ack>();
        foreach (var e in envelopes)
        {
            await call.RequestStream.WriteAsync(e);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "the center closed the stream without an ack");
            acks.Add(call.ResponseStream.Current);
        }
        await call.RequestStream.CompleteAsync();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            acks.Add(call.ResponseStream.Current);
        }
        return acks;
    }

    /// <summary>Writes every envelope without waiting for acks (as a station draining its outbox), then reads them all.</summary>
    public async Task<List<Ack>> PushPipelined(IReadOnlyList<Envelope> envelopes)
    {
        var client = new StationSync.StationSyncClient(_channel);
        using var call = client.Push(deadline: DateTime.UtcNow.AddMinutes(2));
        var reading = Task.Run(async () =>
        {
            var acks = new List<Ack>();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                acks.Add(call.ResponseStream.Current);
            }
            return acks;
        });
        foreach (var e in envelopes)
        {
            await call.RequestStream.WriteAsync(e);
        }
        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    public void Dispose() => _channel.Dispose();
}
