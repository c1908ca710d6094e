using System.Globalization;

namespace EdgeStation.Domain.Calendar;

/// <summary>
/// A holiday schedule to import, in the format of the built-in cn-public-holidays.csv: a header line
/// "date,kind,festival", then one "YYYY-MM-DD,holiday|workday,festival" line per listed day ('#' lines are comments).
/// Every problem is reported with its line number; a file with any problem imports nothing.
/// </summary>
public static class HolidayFile
{
    public const string Header = "date,kind,festival";
    private const int MaxFestivalLength = 20;
    private const int MaxErrors = 20;

    public static IReadOnlyList<HolidayDay> Parse(TextReader reader)
    {
        var errors = new List<string>();
        var days = new Dictionary<DateOnly, (HolidayDay Day, int Line)>();
        var lineNo = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } raw && errors.Count < MaxErrors)
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (lineNo == 1)
            {
                line = line.TrimStart('\uFEFF'); // a byte order mark from a spreadsheet
            }
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            if (!sawHeader)
            {
                sawHeader = true;
                if (line.Trim() != Header)
                {
                    errors.Add($"line {lineNo}: the first line must be the header '{Header}' (got '{Shown(line)}')");
                }
                continue;
            }
            var parts = line.Split(',');
            if (parts.Length != 3)
            {
                errors.Add($"line {lineNo}: expected 3 columns 'YYYY-MM-DD,holiday|workday,festival', got {parts.Length} ('{Shown(line)}')");
                continue;
            }
            var (dateText, kind, festival) = (parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"line {lineNo}: '{Shown(dateText)}' is not a date YYYY-MM-DD");
                continue;
            }
            if (kind is not ("holiday" or "workday"))
            {
                errors.Add($"line {lineNo}: kind must be 'holiday' or 'workday' (got '{Shown(kind)}')");
                continue;
            }
            if (festival.Length == 0 || festival.Length > MaxFestivalLength || festival.Any(char.IsControl))
            {
                errors.Add($"line {lineNo}: the festival name must be 1 to {MaxFestivalLength} characters without control characters");
                continue;
            }
            if (days.TryGetValue(date, out var earlier))
            {
                errors.Add($"line {lineNo}: {dateText} is listed twice (first on line {earlier.Line})");
                continue;
            }
            var isWorkday = kind == "workday";
            if (isWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add($"line {lineNo}: {dateText} is a {date.DayOfWeek}; a make-up workday (调休上班) falls on a weekend");
                continue;
            }
            days[date] = (new HolidayDay(date, isWorkday, festival), lineNo);
        }
        if (errors.Count == 0 && days.Count == 0)
        {
            errors.Add(sawHeader ? "the file lists no days" : "the file is empty");
        }
        if (errors.Count > 0)
        {
            throw new HolidayFileException(errors);
        }
        return [.. days.Values.Select(d => d.Day).OrderBy(d => d.Date)];
    }

    private static string Shown(string text) =>
        new string([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
}
