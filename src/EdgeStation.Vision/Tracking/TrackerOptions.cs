namespace EdgeStation.Vision.Tracking;

/// <summary>
/// Tuning of the tracker. Times are in source seconds, so the same settings hold at 10 fps, at 5 fps
/// and when the detector runs only on some frames. Distances are in shares of the object's height,
/// so near and far walkers are judged alike. Defaults tuned on vtest.avi (docs/vision.md).
/// </summary>
public sealed record TrackerOptions
{
    /// <summary>A detection joins a track when its box overlaps the track's predicted box at least this much.</summary>
    public float MinIoU { get; init; } = 0.2f;

    /// <summary>Failing that, when its centre is this close to the predicted centre (shares of the predicted height).</summary>
    public float MaxCentreDistance { get; init; } = 0.5f;

    /// <summary>A track counts (is confirmed) after this many detections.</summary>
    public int MinHits { get; init; } = 3;

    /// <summary>A confirmed moving track without a detection for this long is ended.</summary>
    public TimeSpan MaxCoast { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>A tentative track (not yet confirmed) without a detection for this long is dropped.</summary>
    public TimeSpan MaxTentativeCoast { get; init; } = TimeSpan.FromSeconds(0.35);

    /// <summary>
    /// A stationary track is kept this long without a detection: a still object the detector sees
    /// only now and then (a signpost) keeps its one track and never counts again as new.
    /// </summary>
    public TimeSpan StationaryMaxCoast { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A track whose box has not moved and that no motion touched for this long becomes stationary.</summary>
    public TimeSpan StationaryAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The box moved when its centre left a circle of this radius (share of its height) around where it last rested.</summary>
    public float StillTolerance { get; init; } = 0.15f;

    /// <summary>A motion region touches a track when it covers at least this share of the track's box.</summary>
    public float MotionTouchShare { get; init; } = 0.2f;

    /// <summary>
    /// A track was seen arriving as a moving object when its centre got this far (share of its
    /// height) from where it was first seen; such a track counts even once it stands still.
    /// </summary>
    public float ArrivalDistance { get; init; } = 0.6f;

    /// <summary>Acceleration noise of the constant-velocity prediction (heights per second²).</summary>
    public float AccelerationNoise { get; init; } = 1.0f;

    /// <summary>Measurement noise of a detection's centre (share of its height).</summary>
    public float MeasurementNoise { get; init; } = 0.05f;

    /// <summary>Weight of a new detection's width and height in the track's size.</summary>
    public float SizeSmoothing { get; init; } = 0.4f;
}
