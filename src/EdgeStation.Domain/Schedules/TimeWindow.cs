using System.Globalization;

namespace EdgeStation.Domain.Schedules;

/// <summary>
/// A window of one local day, [Start, End) in minutes after midnight; End may be 1440 (24:00) so that a day can be
/// open to its very end. A window never crosses midnight: a night shift is two windows on two days
/// (22:00–24:00 and the next day's 00:00–06:00), so that each day's holiday rule decides its own part.
/// </summary>
public readonly record struct TimeWindow
{
    public const int MinutesPerDay = 24 * 60;

    public TimeWindow(int startMinute, int endMinute)
    {
        if (startMinute is < 0 or >= MinutesPerDay || endMinute is <= 0 or > MinutesPerDay)
        {
            throw new ScheduleInputException($"a window runs within one day, 00:00–24:00 (got minutes {startMinute}–{endMinute})");
        }
        if (endMinute <= startMinute)
        {
            throw new ScheduleInputException(
                $"the window {Format(startMinute)}-{Format(endMinute)} ends before it starts; split a night across midnight into "
                + $"{Format(startMinute)}-24:00 and the next day's 00:00-{Format(endMinute)}");
        }
        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    public int StartMinute { get; }
    public int EndMinute { get; }

    public static TimeWindow WholeDay { get; } = new(0, MinutesPerDay);

    public bool Contains(TimeOnly time) =>
        time.Ticks >= StartMinute * TimeSpan.TicksPerMinute && time.Ticks < EndMinute * TimeSpan.TicksPerMinute;

    /// <summary>Parses "08:00-18:00" (24:00 allowed as the end).</summary>
    public static TimeWindow Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            throw new ScheduleInputException($"'{text}' is not a window; write it as HH:MM-HH:MM, e.g. 08:00-18:00");
        }
        return new TimeWindow(ParseMinute(parts[0], text), ParseMinute(parts[1], text));
    }

    public override string ToString() => $"{Format(StartMinute)}-{Format(EndMinute)}";

    private static int ParseMinute(string part, string whole)
    {
        var p = part.Trim();
        if (p.Length == 5 && p[2] == ':'
            && int.TryParse(p.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(p.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m < 60 && (h < 24 || (h == 24 && m == 0)))
        {
            return h * 60 + m;
        }
        throw new ScheduleInputException($"'{p}' in '{whole}' is not a time of day; write HH:MM from 00:00 to 24:00");
    }

    private static string Format(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");
}
