using System.Globalization;

namespace EdgeStation.Domain.Calendar;

/// <summary>
/// The official schedule of rest days and make-up workdays (调休上班). Dates not listed follow the normal
/// Monday–Friday week. Each year is published by the State Council the November before, so the schedule is data.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, bool> _overrides; // true: working day, false: rest day
    private readonly HashSet<int> _years;

    private HolidayCalendar(Dictionary<DateOnly, bool> overrides)
    {
        _overrides = overrides;
        _years = overrides.Keys.Select(d => d.Year).ToHashSet();
    }

    public static HolidayCalendar Official { get; } = LoadEmbedded();

    /// <summary>Only weekends; for tests and for stations outside the official schedule.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<int> Years => _years;

    /// <summary>False for a year with no published schedule: the normal week is assumed, and callers should say so.</summary>
    public bool HasScheduleFor(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly day) =>
        _overrides.TryGetValue(day, out var working)
            ? working
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Reads "date,kind,festival" lines, kind being "holiday" or "workday".</summary>
    public static HolidayCalendar Parse(TextReader reader)
    {
        var overrides = new Dictionary<DateOnly, bool>();
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
            overrides[date] = parts[1].Trim() switch
            {
                "holiday" => false,
                "workday" => true,
                var k => throw new FormatException($"calendar line {lineNo}: kind must be 'holiday' or 'workday', got '{k}'"),
            };
        }
        return new HolidayCalendar(overrides);
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
