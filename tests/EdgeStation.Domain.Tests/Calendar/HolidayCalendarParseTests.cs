using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Calendar;

public sealed class HolidayCalendarParseTests
{
    private const string GoodFile = """
        date,kind,festival
        # 2026 National Day, a short excerpt
        2026-09-20,workday,国庆节

        2026-10-01,holiday,国庆节
        2026-10-02,holiday,国庆节
        """;

    private static HolidayCalendar Parse(string text) => HolidayCalendar.Parse(new StringReader(text));

    [Fact]
    public void Listed_holiday_on_a_weekday_is_a_rest_day()
    {
        // 2026-10-01 is a Thursday.
        Assert.False(Parse(GoodFile).IsWorkingDay(Cst.Day(2026, 10, 1)));
    }

    [Fact]
    public void Listed_make_up_workday_on_a_sunday_is_a_working_day()
    {
        // 2026-09-20 is a Sunday.
        Assert.True(Parse(GoodFile).IsWorkingDay(Cst.Day(2026, 9, 20)));
    }

    [Fact]
    public void Unlisted_weekday_is_a_working_day()
    {
        // 2026-10-09 is a Friday and not in the file.
        Assert.True(Parse(GoodFile).IsWorkingDay(Cst.Day(2026, 10, 9)));
    }

    [Fact]
    public void Unlisted_saturday_is_a_rest_day()
    {
        Assert.False(Parse(GoodFile).IsWorkingDay(Cst.Day(2026, 10, 17)));
    }

    [Fact]
    public void Years_are_the_years_that_have_entries()
    {
        Assert.Equal([2026], Parse(GoodFile).Years.Order());
    }

    [Fact]
    public void Header_comments_and_blank_lines_are_skipped()
    {
        var calendar = Parse("date,kind,festival\n# comment\n\n   \n2026-10-01,holiday\n");

        Assert.False(calendar.IsWorkingDay(Cst.Day(2026, 10, 1)));
    }

    [Fact]
    public void Impossible_date_is_rejected_naming_its_line()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("date,kind,festival\n2026-10-01,holiday,国庆节\n2026-02-30,holiday,春节\n"));

        Assert.Equal("calendar line 3: expected 'YYYY-MM-DD,holiday|workday[,name]', got '2026-02-30,holiday,春节'", ex.Message);
    }

    [Fact]
    public void Date_in_another_format_is_rejected_naming_its_line()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("2026-10-01,holiday\n2026/10/02,holiday\n"));

        Assert.StartsWith("calendar line 2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_without_a_kind_is_rejected_naming_its_line()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("date,kind,festival\n2026-10-01\n"));

        Assert.StartsWith("calendar line 2:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_kind_is_rejected_naming_its_line_and_the_kind()
    {
        var ex = Assert.Throws<FormatException>(() => Parse("date,kind,festival\n2026-10-01,holiday,国庆节\n2026-10-02,vacation,国庆节\n"));

        Assert.Equal("calendar line 3: kind must be 'holiday' or 'workday', got 'vacation'", ex.Message);
    }
}
