using EdgeStation.Domain.Schedules;

namespace EdgeStation.Vision.Zones;

/// <summary>
/// Zone schedules in the doors' text form (<see cref="WeeklySchedule.Parse"/>), with one difference of default: a door
/// schedule that names no holiday stays shut on holidays, but a zone schedule that names none is armed on a holiday as on
/// its weekday (an empty yard on a holiday is exactly when it should be watched). Naming <c>holiday …</c> or
/// <c>holidays follow</c> sets holidays as for a door.
/// </summary>
public static class ZoneSchedules
{
    public static WeeklySchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("holiday", StringComparison.OrdinalIgnoreCase)
            ? WeeklySchedule.Parse(text)
            : WeeklySchedule.Parse(text.TrimEnd().TrimEnd(';') + "; holidays ignore");
    }
}
