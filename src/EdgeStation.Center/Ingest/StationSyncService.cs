using EdgeStation.Center.Hosting;
using EdgeStation.Sync.V1;
using Grpc.Core;

namespace EdgeStation.Center.Ingest;

/// <summary>The gRPC side of ingest: one ack per envelope, in order, each after the envelope is stored.</summary>
public sealed class StationSyncService(IngestService ingest, StationAdmission admission) : StationSync.StationSyncBase
{
    public override async Task Push(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<Ack> responseStream, ServerCallContext context)
    {
        var certificate = context.GetHttpContext().Connection.ClientCertificate;
        var stationId = admission.Admit(certificate) ?? throw new RpcException(new Status(StatusCode.PermissionDenied, "this certificate is not admitted (unknown, retired or revoked station)"));
        await foreach (var envelope in requestStream.ReadAllAsync(context.CancellationToken))
        {
            // A revocation during a long stream ends it at the next envelope, not at the next connection.
            if (!admission.StillAdmitted(stationId, certificate!.SerialNumber))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"station '{stationId}' is no longer admitted"));
            }
            await responseStream.WriteAsync(ingest.Ingest(stationId, envelope), context.CancellationToken);
        }
    }
}
