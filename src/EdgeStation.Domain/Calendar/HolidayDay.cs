using System.Globalization;

namespace EdgeStation.Domain.Calendar;

/// <summary>One listed day of the official schedule: a rest day (放假) or a make-up workday (调休上班), and its festival.</summary>
public sealed record HolidayDay(DateOnly Date, bool IsWorkday, string Festival)
{
    public string Kind => IsWorkday ? "workday" : "holiday";

    /// <summary>The line of the CSV format (date,kind,festival).</summary>
    public string ToLine() => $"{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)},{Kind},{Festival}";
}
