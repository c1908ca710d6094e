using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Storage;

/// <summary>
/// One enrolled station: who it is, which certificate it may use, and the latest of what it sent. The latest
/// figures and health are kept as the station sent them (protobuf), so nothing is lost in a translation.
/// </summary>
public sealed record StationRow(string Id, string Name, DateTimeOffset EnrolledAt, string CertificateSerial)
{
    public DateTimeOffset? RevokedAt { get; init; }
    /// <summary>Serials of this station's earlier certificates (re-enrolled or revoked): refused at the handshake.</summary>
    public IReadOnlyList<string> RetiredSerials { get; init; } = [];
    public DateTimeOffset? LastContact { get; init; }
    public long Envelopes { get; init; }
    /// <summary>Envelopes kept without being understood (an unknown kind, a newer contract, a payload that did not parse).</summary>
    public long KeptUnknown { get; init; }
    public Figures? LatestFigures { get; init; }
    /// <summary>When the station made the envelope the latest figures came from (its clock).</summary>
    public DateTimeOffset? FiguresAt { get; init; }
    public Health? LatestHealth { get; init; }
    public DateTimeOffset? HealthAt { get; init; }
    /// <summary>The highest ledger seq whose digest the center holds (0: none yet).</summary>
    public ulong DigestHead { get; init; }

    public bool Revoked => RevokedAt is not null;

    /// <summary>A new enrollment, or a re-enrollment of <paramref name="old"/> with a new certificate: the old one is retired (refused from now on).</summary>
    public static StationRow Enrolled(StationRow? old, string id, string name, string certificateSerial, DateTimeOffset at) =>
        old is null
            ? new StationRow(id, name, at, certificateSerial)
            : old with
            {
                Name = name,
                EnrolledAt = at,
                CertificateSerial = certificateSerial,
                RevokedAt = null,
                RetiredSerials = [.. old.RetiredSerials, old.CertificateSerial],
            };
}
