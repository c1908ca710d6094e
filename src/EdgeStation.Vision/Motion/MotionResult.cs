namespace EdgeStation.Vision.Motion;

/// <summary>
/// Motion in one frame: its regions, the share of the picture that moved and whether the background
/// was reset because the whole scene changed at once (then there are no regions).
/// </summary>
public sealed record MotionResult(IReadOnlyList<MotionRegion> Regions, float ChangedFraction, bool Recalibrated)
{
    public static MotionResult None { get; } = new([], 0, false);

    public bool HasMotion => Regions.Count > 0;
}
