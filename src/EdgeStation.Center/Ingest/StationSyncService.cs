using System.Threading.Channels;
using EdgeStation.Center.Hosting;
using EdgeStation.Sync.V1;
using Grpc.Core;

namespace EdgeStation.Center.Ingest;

/// <summary>
/// The gRPC side of ingest: one ack per envelope, in order, each after the envelope is stored. Envelopes that
/// arrive while a batch is being stored are stored together in the next one (group commit), so a station
/// draining a month of backlog is not held to one commit per envelope; <see cref="IngestQueue"/> commits the
/// batches of all streams together, so many stations at once are not held to one commit each either.
/// </summary>
public sealed class StationSyncService(IngestQueue ingest, StationAdmission admission) : StationSync.StationSyncBase
{
    /// <summary>At most this many envelopes per transaction: bounds the memory of one batch and the latency of its acks.</summary>
    public const int MaxBatch = 512;

    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public override async Task Push(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<Ack> responseStream, ServerCallContext context)
    {
        var certificate = context.GetHttpContext().Connection.ClientCertificate;
        var stationId = admission.Admit(certificate) ?? throw new RpcException(new Status(StatusCode.PermissionDenied, "this certificate is not admitted (unknown, retired or revoked station)"));
        var received = Channel.CreateBounded<Envelope>(new BoundedChannelOptions(MaxBatch * 2) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var envelope in requestStream.ReadAllAsync(context.CancellationToken))
                {
                    await received.Writer.WriteAsync(envelope, context.CancellationToken);
                }
                received.Writer.TryComplete();
            }
            catch (Exception e)
            {
                received.Writer.TryComplete(e);
            }
        });
        var batch = new List<Envelope>(MaxBatch);
        while (await received.Reader.WaitToReadAsync(context.CancellationToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && received.Reader.TryRead(out var envelope))
            {
                batch.Add(envelope);
            }
            // A revocation during a long stream ends it at the next batch, not at the next connection.
            if (!admission.StillAdmitted(stationId, certificate!.SerialNumber))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied, $"station '{stationId}' is no longer admitted"));
            }
            var acks = await ingest.Ingest(stationId, batch, context.CancellationToken);
            for (var i = 0; i < acks.Count; i++)
            {
                // A batch's acks go out together: buffered, flushed with the last (one TLS record, not one each).
                responseStream.WriteOptions = i < acks.Count - 1 ? Buffered : null;
                await responseStream.WriteAsync(acks[i], context.CancellationToken);
            }
        }
        await reading;
    }
}
