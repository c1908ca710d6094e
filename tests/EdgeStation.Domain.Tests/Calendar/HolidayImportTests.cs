using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;

namespace EdgeStation.Domain.Tests.Calendar;

/// <summary>An imported year joins the built-in schedule; from 1 November a missing next year is said.</summary>
public sealed class HolidayImportTests
{
    private static readonly IReadOnlyList<HolidayDay> Year2027 = HolidayFile.Parse(new StringReader("date,kind,festival\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节\n"));

    [Fact]
    public void Imported_year_is_known_and_counted_with()
    {
        var calendar = HolidayImports.Apply(HolidayCalendar.Official, [HolidayImports.Entry(Year2027, "admin", DateTimeOffset.UnixEpoch)]);

        Assert.Equal((true, false, true), (calendar.HasScheduleFor(2027), calendar.IsWorkingDay(new(2027, 1, 1)), calendar.IsWorkingDay(new(2027, 2, 6))));
    }

    [Fact]
    public void Import_entry_is_a_calendar_entry_not_a_record()
    {
        var e = HolidayImports.Entry(Year2027, "admin", DateTimeOffset.UnixEpoch);

        Assert.Equal(("calendar", "2027", false), (e.Type, e.Fields["years"].Text, RecordEvent.IsRecordEntry(e.Type)));
    }

    [Fact]
    public void Imported_year_replaces_that_year_whole()
    {
        var only = HolidayFile.Parse(new StringReader("date,kind,festival\n2026-10-01,holiday,国庆节\n"));

        var calendar = HolidayCalendar.Official.With(only);

        Assert.Equal((1, true), (calendar.Days.Count(d => d.Date.Year == 2026), calendar.HasScheduleFor(2025)));
    }

    [Theory]
    [InlineData(2026, 10, 31, null)]
    [InlineData(2026, 11, 1, 2027)]
    [InlineData(2027, 1, 1, 2027)]
    public void Missing_year_is_the_next_one_from_1_november(int y, int m, int d, int? expected)
    {
        Assert.Equal(expected, HolidayCalendar.Official.MissingYear(new(y, m, d)));
    }
}
