using EdgeStation.Sync.V1;
using Grpc.Core;

namespace EdgeStation.Benchmarks;

/// <summary>
/// The floor of the drain benchmark: the center's gRPC contract with nothing behind it, each envelope answered ACCEPTED
/// as it arrives, stored nowhere. Served over the same mutual TLS as the center (same CA, a server certificate of the
/// same kind, a station's client certificate required), so a round trip here is gRPC + TLS + loopback and nothing else.
/// </summary>
public sealed class BareCenter : StationSync.StationSyncBase
{
    public override async Task Push(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<Ack> responseStream, ServerCallContext context)
    {
        await foreach (var e in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(new Ack { StationId = e.StationId, Seq = e.Seq, Status = AckStatus.Accepted }, context.CancellationToken);
        }
    }
}
