using System.Globalization;

namespace EdgeStation.Domain.Calendar;

/// <summary>
/// The official schedule of rest days and make-up workdays (调休上班). Dates not listed follow the normal
/// Monday–Friday week. Each year is published by the State Council the November before, so the schedule is data:
/// the years built in, plus those imported later (`edgestation holidays import`, kept in the ledger).
/// </summary>
public sealed class HolidayCalendar
{
    private readonly SortedDictionary<DateOnly, HolidayDay> _days;
    private readonly HashSet<int> _years;

    private HolidayCalendar(SortedDictionary<DateOnly, HolidayDay> days)
    {
        _days = days;
        _years = days.Keys.Select(d => d.Year).ToHashSet();
    }

    public static HolidayCalendar Official { get; } = LoadEmbedded();

    /// <summary>Only weekends; for tests and for stations outside the official schedule.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<int> Years => _years;

    /// <summary>Every listed day, in date order.</summary>
    public IEnumerable<HolidayDay> Days => _days.Values;

    /// <summary>False for a year with no published schedule: the normal week is assumed, and callers should say so.</summary>
    public bool HasScheduleFor(int year) => _years.Contains(year);

    /// <summary>
    /// The year whose schedule is needed but missing on <paramref name="today"/>, or null: the current year, or from
    /// 1 November (when deadlines start to fall in it) the next one.
    /// </summary>
    public int? MissingYear(DateOnly today) =>
        !HasScheduleFor(today.Year) ? today.Year
        : today.Month >= 11 && !HasScheduleFor(today.Year + 1) ? today.Year + 1
        : null;

    /// <summary>The listed day (a rest day or a make-up workday), or null for a day that follows the normal week.</summary>
    public HolidayDay? Find(DateOnly day) => _days.GetValueOrDefault(day);

    public bool IsWorkingDay(DateOnly day) =>
        _days.TryGetValue(day, out var listed)
            ? listed.IsWorkday
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>This calendar with the years of <paramref name="schedule"/> replaced by it (an imported year is whole).</summary>
    public HolidayCalendar With(IReadOnlyCollection<HolidayDay> schedule)
    {
        var years = schedule.Select(d => d.Date.Year).ToHashSet();
        var days = new SortedDictionary<DateOnly, HolidayDay>();
        foreach (var (date, day) in _days)
        {
            if (!years.Contains(date.Year))
            {
                days[date] = day;
            }
        }
        foreach (var day in schedule)
        {
            days[day.Date] = day;
        }
        return new HolidayCalendar(days);
    }

    /// <summary>Reads "date,kind,festival" lines, kind being "holiday" or "workday" (the built-in file; imports are checked by <see cref="HolidayFile"/>).</summary>
    public static HolidayCalendar Parse(TextReader reader)
    {
        var days = new SortedDictionary<DateOnly, HolidayDay>();
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || (lineNo == 1 && line.StartsWith("date,", StringComparison.Ordinal)))
            {
                continue;
            }
            var parts = line.Split(',');
            if (parts.Length < 2 || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"calendar line {lineNo}: expected 'YYYY-MM-DD,holiday|workday[,name]', got '{line}'");
            }
            var working = parts[1].Trim() switch
            {
                "holiday" => false,
                "workday" => true,
                var k => throw new FormatException($"calendar line {lineNo}: kind must be 'holiday' or 'workday', got '{k}'"),
            };
            days[date] = new HolidayDay(date, working, parts.Length > 2 ? parts[2].Trim() : "");
        }
        return new HolidayCalendar(days);
    }

    private static HolidayCalendar LoadEmbedded()
    {
        using var stream = typeof(HolidayCalendar).Assembly
            .GetManifestResourceStream("EdgeStation.Domain.Calendar.cn-public-holidays.csv")
            ?? throw new InvalidOperationException("embedded cn-public-holidays.csv is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
