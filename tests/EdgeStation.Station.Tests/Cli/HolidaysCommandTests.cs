using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>`holidays import FILE` and `holidays list`, and the warning while next year's schedule is missing.</summary>
public sealed class HolidaysCommandTests
{
    private const string Year2027 = "date,kind,festival\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节\n2027-02-08,holiday,春节\n";

    private static string Write(TestStation station, string text)
    {
        var path = Path.Combine(station.DataDir, "holidays.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Import_is_a_ledger_entry_and_list_says_where_each_year_comes_from()
    {
        using var station = new TestStation();
        station.AddDispute();

        var said = station.Ok("holidays", "import", Write(station, Year2027));
        var list = station.Ok("holidays", "list");

        Assert.Equal("imported 2027: 2 rest days, 1 make-up workdays (ledger entry #3)", said);
        Assert.Matches(@"2027    2 rest days   1 make-up workdays  imported by \S*tester on 2026-03-10 \(ledger entry #3\)", list);
        Assert.Contains("2026   ", list, StringComparison.Ordinal);
        Assert.Contains("intact", station.Ok("records", "verify"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_file_is_exit_2_with_line_numbers_and_stores_nothing()
    {
        using var station = new TestStation();
        station.AddDispute();
        var head = station.Head();

        var r = station.Run("holidays", "import", Write(station, "date,kind,festival\n2027-01-01,holiday,元旦\n2027-02-30,holiday,春节\n2027-02-09,rest,春节\n"));

        Assert.Equal((2, head), (r.Exit, station.Head()));
        Assert.Contains("holidays.csv: line 3: '2027-02-30' is not a date", r.Err, StringComparison.Ordinal);
        Assert.Contains("holidays.csv: line 4: kind must be", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_exit_2()
    {
        using var station = new TestStation();

        Assert.Equal(2, station.Run("holidays", "import", Path.Combine(station.DataDir, "nope.csv")).Exit);
    }

    [Fact]
    public void Indicators_warn_from_1_november_while_next_years_schedule_is_missing()
    {
        using var station = new TestStation();
        station.AddDispute();
        station.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 31, 1, 0, 0, TimeSpan.Zero));
        Assert.DoesNotContain("warning", station.Ok("indicators"), StringComparison.Ordinal);
        station.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero));
        Assert.Contains("warning: no official holiday schedule for 2027 is loaded", station.Ok("indicators"), StringComparison.Ordinal);

        station.Ok("holidays", "import", Write(station, Year2027));

        Assert.DoesNotContain("warning", station.Ok("indicators"), StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_rest_day_moves_a_petition_deadline()
    {
        // Received Thu 2026-12-17: acceptance due Fri 2027-01-01 by the normal week; with 01-01 a rest day (元旦), Mon 01-04.
        using var station = new TestStation();
        station.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 1, 0, 0, TimeSpan.Zero));
        var id = station.Ok("records", "add", "petition", "--channel", "visit", "--persons", "1");
        Assert.Contains("deadline accept     2027-01-01", station.Ok("records", "show", id), StringComparison.Ordinal);

        station.Ok("holidays", "import", Write(station, Year2027));

        Assert.Contains("deadline accept     2027-01-04", station.Ok("records", "show", id), StringComparison.Ordinal);
    }
}
