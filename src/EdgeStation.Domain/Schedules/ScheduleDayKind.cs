namespace EdgeStation.Domain.Schedules;

/// <summary>How a schedule reads a local date: by its weekday, as a rest day of the official schedule, or as a make-up workday.</summary>
public enum ScheduleDayKind
{
    Weekday,
    /// <summary>放假: a listed rest day, on a weekday or a weekend.</summary>
    Holiday,
    /// <summary>调休上班: a listed workday that falls on a weekend, run like <see cref="WeeklySchedule.MakeUpWorkdayAs"/>.</summary>
    MakeUpWorkday,
}
