using EdgeStation.Domain.Calendar;

namespace EdgeStation.Domain.Deadlines;

/// <summary>
/// Turns "N days after an event" into a last local day. 信访工作条例 says nothing on counting days, so the rule is
/// borrowed by analogy from 民法典 第二百零一条 (the event's own day is not counted) and 第二百零三条 (a last day
/// on a rest day moves to the next working day); a make-up workday (调休上班) is a working day, so a deadline on one stands.
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
