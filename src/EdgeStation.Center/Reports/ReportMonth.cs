using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeStation.Center.Reports;

/// <summary>A calendar month of the township's reports, written yyyy-MM on the wire and 2026年11月 on paper.</summary>
public readonly partial record struct ReportMonth(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public ReportMonth Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    /// <summary>yyyymmdd of the first and last day, the form the figures carry their date in.</summary>
    public uint FirstDay => (uint)(Year * 10000 + Month * 100 + 1);
    public uint LastDay => (uint)(Year * 10000 + Month * 100 + Last.Day);

    /// <summary>Parses "2026-11" (years 2000–2099: a typo like 20266-11 or 1926-11 is refused, not searched).</summary>
    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (text is null || !Pattern().IsMatch(text))
        {
            return false;
        }
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var m = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2099 || m is < 1 or > 12)
        {
            return false;
        }
        month = new ReportMonth(year, m);
        return true;
    }

    /// <summary>The month a local day is in.</summary>
    public static ReportMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>This month and the eleven before it, oldest first.</summary>
    public IReadOnlyList<ReportMonth> TwelveEndingHere()
    {
        var months = new ReportMonth[12];
        var m = this;
        for (var i = 11; i >= 0; i--)
        {
            months[i] = m;
            m = m.Previous;
        }
        return months;
    }

    public string Chinese => $"{Year}年{Month}月";

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex Pattern();
}
