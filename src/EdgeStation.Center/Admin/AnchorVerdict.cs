namespace EdgeStation.Center.Admin;

/// <summary>How a printed monthly-report anchor compares with the digests the center holds.</summary>
public enum AnchorVerdict
{
    /// <summary>The center holds this hash for this seq: the paper and the station's history agree.</summary>
    Matches,
    /// <summary>The center holds another hash for this seq: the paper or the history was changed.</summary>
    Differs,
    /// <summary>The station has not sent the digest of this entry yet.</summary>
    NotReceived,
}
