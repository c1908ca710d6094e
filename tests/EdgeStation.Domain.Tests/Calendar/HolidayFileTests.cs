using EdgeStation.Domain.Calendar;

namespace EdgeStation.Domain.Tests.Calendar;

/// <summary>A holiday schedule to import is checked line by line; any problem imports nothing.</summary>
public sealed class HolidayFileTests
{
    private static IReadOnlyList<HolidayDay> Parse(string text) => HolidayFile.Parse(new StringReader(text));

    private static IReadOnlyList<string> Errors(string text) => Assert.Throws<HolidayFileException>(() => Parse(text)).Errors;

    [Fact]
    public void Shared_calendar_file_parses()
    {
        var days = Parse(File.ReadAllText("/work/shared/data/calendar/cn-public-holidays.csv"));

        Assert.Equal(HolidayCalendar.Official.Days.Count(), days.Count);
    }

    [Fact]
    public void Parses_rest_days_and_make_up_workdays()
    {
        var days = Parse("date,kind,festival\n2027-01-01,holiday,元旦\n2027-02-07,workday,春节\n");

        Assert.Equal([new HolidayDay(new(2027, 1, 1), false, "元旦"), new HolidayDay(new(2027, 2, 7), true, "春节")], days);
    }

    [Fact]
    public void Every_problem_is_named_with_its_line()
    {
        var errors = Errors("date,kind,festival\n2027-13-01,holiday,元旦\n2027-01-02,rest,元旦\n2027-01-03,holiday\n");

        Assert.Equal(["line 2:", "line 3:", "line 4:"], errors.Select(e => e[..7]));
    }

    [Fact]
    public void Missing_header_is_refused()
    {
        Assert.StartsWith("line 1: the first line must be the header", Errors("2027-01-01,holiday,元旦\n").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Day_listed_twice_is_refused()
    {
        Assert.Equal("line 3: 2027-01-01 is listed twice (first on line 2)", Errors("date,kind,festival\n2027-01-01,holiday,元旦\n2027-01-01,holiday,元旦\n").Single());
    }

    [Fact]
    public void Make_up_workday_on_a_weekday_is_refused()
    {
        Assert.Contains("falls on a weekend", Errors("date,kind,festival\n2027-01-04,workday,元旦\n").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        Assert.Equal("the file is empty", Errors("").Single());
    }

    [Fact]
    public void Byte_order_mark_and_windows_line_ends_are_accepted()
    {
        Assert.Single(Parse("\uFEFFdate,kind,festival\r\n2027-01-01,holiday,元旦\r\n"));
    }
}
