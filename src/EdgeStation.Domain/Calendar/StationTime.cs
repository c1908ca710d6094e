namespace EdgeStation.Domain.Calendar;

/// <summary>
/// The station's time zone. Everything is stored in UTC; days, deadlines and streaks are counted in local days.
/// </summary>
public sealed class StationTime
{
    public StationTime(string timeZoneId)
    {
        Zone = Resolve(timeZoneId);
    }

    public TimeZoneInfo Zone { get; }

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The UTC instant of local midnight starting the given day.</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    public DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static TimeZoneInfo Resolve(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            // Slim images may lack tzdata. China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"unknown time zone '{id}' (use an IANA name such as Asia/Shanghai)", nameof(id));
        }
    }
}
