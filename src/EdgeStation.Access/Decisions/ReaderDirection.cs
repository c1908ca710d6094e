namespace EdgeStation.Access.Decisions;

/// <summary>Which reader of a door was used: the one outside (entering) or inside (leaving); anti-passback needs it.</summary>
public enum ReaderDirection
{
    In,
    Out,
}
