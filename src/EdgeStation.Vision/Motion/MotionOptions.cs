namespace EdgeStation.Vision.Motion;

/// <summary>
/// Tuning of the motion step. The defaults were tuned on the pedestrian clip decoded at 416x312
/// (motion at 208x156): walkers 15–30 px tall at that scale make regions, compression noise and
/// swaying grass do not.
/// </summary>
public sealed record MotionOptions
{
    /// <summary>The frame is shrunk by this integer factor (box average) before anything else.</summary>
    public int Downscale { get; init; } = 2;

    /// <summary>A pixel moved when it differs from the background by more than this many gray levels.</summary>
    public float Threshold { get; init; } = 18;

    /// <summary>How fast the background follows the picture (weight of each new frame).</summary>
    public float BackgroundRate { get; init; } = 0.05f;

    /// <summary>Share of <see cref="BackgroundRate"/> at which pixels that moved are learnt.</summary>
    public float MovedRateShare { get; init; } = 0.1f;

    /// <summary>Side of the square cells (at motion scale) that moved pixels are grouped into.</summary>
    public int CellSize { get; init; } = 4;

    /// <summary>A cell takes part in a region when at least this share of its pixels moved.</summary>
    public float CellFill { get; init; } = 0.2f;

    /// <summary>Regions with fewer cells are noise.</summary>
    public int MinRegionCells { get; init; } = 3;

    /// <summary>
    /// When more than this share of the picture changes at once (lights, IR switch, auto exposure),
    /// the background is replaced by the new picture and no motion is reported.
    /// </summary>
    public float RecalibrateAbove { get; init; } = 0.45f;
}
