namespace EdgeStation.Vision.Tamper;

/// <summary>Thresholds of the tamper checks; the defaults and why are in docs/vision.md ("Tamper").</summary>
public sealed record TamperOptions
{
    /// <summary>The checks run on a gray picture about this wide (a fixed cost per check, whatever the frame size).</summary>
    public int CheckWidth { get; init; } = 104;

    /// <summary>Check once per this much stream time: tampering is slow, the check needs no frame rate.</summary>
    public TimeSpan CheckEvery { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>A condition must hold this long before it is reported, and be gone this long before it is cleared.</summary>
    public TimeSpan HoldFor { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Covered: the picture's gray standard deviation below this (a lens under a hand, a bag or paint is nearly flat).</summary>
    public double CoveredStdDev { get; init; } = 8;

    /// <summary>Defocused: the variance of the Laplacian below this share of the reference's.</summary>
    public double DefocusShare { get; init; } = 0.3;

    /// <summary>A reference with less detail than this (a blank wall, fog) cannot tell defocus.</summary>
    public double MinReferenceDetail { get; init; } = 0.02;

    /// <summary>Moved: the correlation of the picture with the reference below this (people walking through leave it near 1).</summary>
    public double MovedCorrelation { get; init; } = 0.5;

    /// <summary>The reference is renewed from a normal picture this often, so it follows daylight and the seasons.</summary>
    public TimeSpan ReferenceRefresh { get; init; } = TimeSpan.FromMinutes(10);
}
