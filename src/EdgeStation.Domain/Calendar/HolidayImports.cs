using System.Globalization;
using EdgeStation.Domain.Records;

namespace EdgeStation.Domain.Calendar;

/// <summary>
/// An imported holiday schedule as a ledger entry (type "calendar", so it is tamper-evident and says who loaded it
/// and when), and the calendar the station uses: the built-in years, then each import in ledger order.
/// </summary>
public static class HolidayImports
{
    public const string RecordId = "calendar";
    public const string Action = "import";
    private const string YearsKey = "years";
    private const string ScheduleKey = "schedule";

    public static RecordEvent Entry(IReadOnlyList<HolidayDay> schedule, string actor, DateTimeOffset now) => new()
    {
        Type = RecordEvent.CalendarType,
        RecordId = RecordId,
        Action = Action,
        Actor = actor,
        At = RecordEvent.Truncate(now),
        Fields = new(StringComparer.Ordinal)
        {
            [YearsKey] = FieldValue.Of(string.Join(",", Years(schedule))),
            [ScheduleKey] = FieldValue.Of(string.Join("\n", schedule.Select(d => d.ToLine()))),
        },
    };

    public static IEnumerable<int> Years(IEnumerable<HolidayDay> schedule) => schedule.Select(d => d.Date.Year).Distinct().Order();

    /// <summary>The built-in calendar with every imported schedule applied, oldest import first.</summary>
    public static HolidayCalendar Apply(HolidayCalendar builtIn, IEnumerable<RecordEvent> imports)
    {
        var calendar = builtIn;
        foreach (var e in imports.Where(e => e.Type == RecordEvent.CalendarType && e.Action == Action))
        {
            calendar = calendar.With(Schedule(e));
        }
        return calendar;
    }

    public static IReadOnlyList<HolidayDay> Schedule(RecordEvent import)
    {
        var text = import.Fields.TryGetValue(ScheduleKey, out var v) ? v.Text ?? "" : "";
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split(',');
            return new HolidayDay(DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), parts[1] == "workday", parts.Length > 2 ? parts[2] : "");
        })];
    }
}
