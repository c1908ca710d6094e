namespace EdgeStation.Vision.Tamper;

/// <summary>
/// A tamper condition began (<see cref="Cleared"/> false) or ended, at a source frame. <see cref="Measure"/> is the
/// figure that decided it (the picture's standard deviation, its detail as a share of the reference's, or its
/// correlation with the reference), for tuning.
/// </summary>
public sealed record TamperEvent(TamperKind Kind, bool Cleared, double Measure, long Frame, TimeSpan Time);
