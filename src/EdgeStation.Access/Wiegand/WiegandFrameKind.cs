namespace EdgeStation.Access.Wiegand;

/// <summary>What a finished burst of bits turned out to be.</summary>
public enum WiegandFrameKind
{
    Card,
    Key,
    Rejected,
}
