using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Storage;

/// <summary>An envelope as the center received it, payload untouched; <see cref="Understood"/> false when it was only kept.</summary>
public sealed record StoredEnvelope(string StationId, ulong Seq, EnvelopeKind Kind, long CreatedAtMs, uint ContractVersion, byte[] Payload, DateTimeOffset ReceivedAt, bool Understood);
