using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Ingest;

/// <summary>Envelopes one stream received, with the station its certificate proved.</summary>
public sealed record IngestBatch(string StationId, IReadOnlyList<Envelope> Envelopes);
