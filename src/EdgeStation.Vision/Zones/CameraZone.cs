using EdgeStation.Domain.Schedules;
using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Zones;

/// <summary>
/// A zone (区域) drawn on a camera's picture, in the pixels of the frames it is used on. A person's foot point
/// (the bottom middle of their box) inside the polygon is in the zone. The zone is armed (布防) while
/// <see cref="Armed"/> is open — e.g. after hours, nights, holidays — and an armed zone raises an alert when
/// someone enters it (no <see cref="Dwell"/>) or stays in it for <see cref="Dwell"/> (loitering, 徘徊).
/// </summary>
public sealed record CameraZone(string Name, Polygon Area)
{
    /// <summary>When the zone raises alerts; <see cref="WeeklySchedule.Always"/> by default.</summary>
    public WeeklySchedule Armed { get; init; } = WeeklySchedule.Always;

    /// <summary>How long someone must stay before a "loiter" alert; zero: entering is the alert.</summary>
    public TimeSpan Dwell { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// How long a person must be out of the zone before a visit ends: a box that wobbles across the edge, or a track
    /// that coasts for a moment, does not enter again and restart its dwell.
    /// </summary>
    public TimeSpan ExitGrace { get; init; } = TimeSpan.FromSeconds(1);

    public CameraZone Scaled(float sx, float sy) => this with { Area = Area.Scaled(sx, sy) };
}
