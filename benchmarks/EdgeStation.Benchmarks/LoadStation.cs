using System.Diagnostics;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.Client;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace EdgeStation.Benchmarks;

/// <summary>
/// One simulated village station of <see cref="CenterLoad"/>: its own enrolled identity (bundle), its own mutual-TLS
/// connection per push (<see cref="StationChannel"/>, as the real <c>SyncPusher</c> makes), envelopes numbered from 1.
/// A push writes its envelopes without waiting for acks (as the station's pusher does) and reads the acks as they
/// come; each envelope's ack latency is the time from just before its write to its ack read.
/// </summary>
public sealed class LoadStation(StationBundle bundle, Uri center, ByteString payload)
{
    private ulong _seq;

    public string Id => bundle.StationId;

    /// <summary>Ack latencies of every envelope acknowledged so far, in Stopwatch ticks.</summary>
    public List<long> Latencies { get; } = [];

    /// <summary>Pushes that failed (connection, refused handshake, a refused or missing ack), with the first error.</summary>
    public int Failures { get; private set; }

    public string? FirstError { get; private set; }

    /// <summary>One push over a new connection: <paramref name="count"/> hourly summaries; false when it failed.</summary>
    public async Task<bool> PushAsync(int count, CancellationToken cancel)
    {
        var first = _seq + 1;
        var sentAt = new long[count];
        try
        {
            using var channel = StationChannel.Create(bundle, TimeSpan.FromSeconds(60), center);
            using var call = new StationSync.StationSyncClient(channel).Push(cancellationToken: cancel);
            var reading = ReadAcks(call, first, sentAt, cancel);
            for (var i = 0; i < count; i++)
            {
                var seq = first + (ulong)i;
                var envelope = new Envelope
                {
                    StationId = Id,
                    Seq = seq,
                    Kind = EnvelopeKind.HourlySummary,
                    CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    ContractVersion = SyncContract.Version,
                    Payload = payload,
                };
                Volatile.Write(ref sentAt[i], Stopwatch.GetTimestamp());
                await call.RequestStream.WriteAsync(envelope, cancel);
            }
            await call.RequestStream.CompleteAsync();
            var acked = await reading;
            _seq += (ulong)acked;
            if (acked != count)
            {
                return Failed($"{acked} of {count} envelopes acknowledged");
            }
            return true;
        }
        catch (Exception e) when (e is RpcException or IOException or HttpRequestException or InvalidOperationException)
        {
            return Failed(e.Message);
        }
    }

    private async Task<int> ReadAcks(AsyncDuplexStreamingCall<Envelope, Ack> call, ulong first, long[] sentAt, CancellationToken cancel)
    {
        var acked = 0;
        await foreach (var ack in call.ResponseStream.ReadAllAsync(cancel))
        {
            var now = Stopwatch.GetTimestamp();
            var index = (long)(ack.Seq - first);
            if (ack.Status is not (AckStatus.Accepted or AckStatus.Duplicate) || index < 0 || index >= sentAt.Length)
            {
                throw new InvalidOperationException($"seq {ack.Seq} answered {ack.Status}/{ack.Reason}");
            }
            lock (Latencies)
            {
                Latencies.Add(now - Volatile.Read(ref sentAt[index]));
            }
            acked++;
        }
        return acked;
    }

    private bool Failed(string why)
    {
        Failures++;
        FirstError ??= why;
        return false;
    }
}
