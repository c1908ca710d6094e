using EdgeStation.Domain.Calendar;

namespace EdgeStation.Domain.Deadlines;

/// <summary>
/// Turns "N days after an event" into a last local day, per the day-counting rule of 民法典 art. 201/203:
/// the event's own day is not counted, and a last day on a rest day moves to the next working day.
/// </summary>
public sealed class DeadlineCalculator(HolidayCalendar calendar)
{
    public HolidayCalendar Calendar { get; } = calendar;

    public DateOnly LastDay(DateOnly eventDay, int days, bool rollOverRestDays = true)
    {
        var last = eventDay.AddDays(days);
        if (rollOverRestDays)
        {
            while (!Calendar.IsWorkingDay(last))
            {
                last = last.AddDays(1);
            }
        }
        return last;
    }

    public DateOnly LastDay(DateOnly eventDay, DeadlineRule rule, int extraDays = 0) =>
        LastDay(eventDay, rule.Days + extraDays, rule.RollsOverRestDays);
}
