using EdgeStation.Sync.V1;
using Google.Protobuf;

namespace EdgeStation.Sync.Contract;

/// <summary>
/// The version of edgestation.sync.v1 this build writes, and which payload message each kind carries.
/// A center keeps an envelope of a kind or version it does not know instead of refusing it, so a newer
/// station is never cut off by an older center (docs/sync.md).
/// </summary>
public static class SyncContract
{
    /// <summary>
    /// Raised when a field or kind is added; never lowered. 2: camera counts by alert kind, line crossings and zone
    /// occupancy (CameraCount fields 7–11).
    /// </summary>
    public const uint Version = 2;

    /// <summary>The parser of a kind's payload, or null for a kind this build does not know.</summary>
    public static MessageParser? PayloadParser(EnvelopeKind kind) => kind switch
    {
        EnvelopeKind.HourlySummary => HourlySummary.Parser,
        EnvelopeKind.DailyClose => DailyClose.Parser,
        EnvelopeKind.LedgerDigests => LedgerDigests.Parser,
        EnvelopeKind.Health => Health.Parser,
        EnvelopeKind.AccessCounts => AccessCounts.Parser,
        EnvelopeKind.CameraCounts => CameraCounts.Parser,
        EnvelopeKind.ConfigAck => ConfigAck.Parser,
        _ => null,
    };

    /// <summary>Whether this build knows the kind (an enum value from a newer station arrives as a bare number).</summary>
    public static bool Knows(EnvelopeKind kind) => PayloadParser(kind) is not null;

    /// <summary>An envelope around a payload, stamped with this build's contract version.</summary>
    public static Envelope Wrap(string stationId, ulong seq, EnvelopeKind kind, DateTimeOffset createdAt, IMessage payload) =>
        new()
        {
            StationId = stationId,
            Seq = seq,
            Kind = kind,
            CreatedAt = createdAt.ToUnixTimeMilliseconds(),
            ContractVersion = Version,
            Payload = payload.ToByteString(),
        };
}
