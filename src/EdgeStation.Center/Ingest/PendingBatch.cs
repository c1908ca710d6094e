using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Ingest;

/// <summary>A stream's batch waiting in <see cref="IngestQueue"/>, and the acks its stream awaits.</summary>
internal sealed record PendingBatch(IngestBatch Batch)
{
    public TaskCompletionSource<IReadOnlyList<Ack>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
