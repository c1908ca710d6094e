using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Tamper;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Vision.Pipeline;

/// <summary>
/// What the pipeline made of one frame: how many people are present (tracked, not stationary
/// objects), whether the detector ran on it, how much moved, and the line crossings, zone events and tamper
/// changes it completed.
/// </summary>
public sealed record FrameAnalysis(
    long Frame,
    TimeSpan Time,
    int Persons,
    bool Detected,
    int MotionRegions,
    float MotionShare,
    int Tracks,
    IReadOnlyList<LineCrossing> Crossings,
    IReadOnlyList<ZoneEvent> ZoneEvents,
    IReadOnlyList<TamperEvent> TamperEvents);
