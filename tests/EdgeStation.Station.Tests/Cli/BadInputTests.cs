using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>Invariant 7: bad input gets a clear message and the documented exit code, and changes nothing.</summary>
public class BadInputTests
{
    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["records", "add", "dispoot", "--category", "neighbours"], "dispoot" },
        { ["records", "add", "dispute", "--parties", "2"], "--category" },
        { ["records", "add", "dispute", "--category", "neighbours", "--parties", "two"], "whole number" },
        { ["records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--risk", "purple"], "red, yellow, green" },
        { ["records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--occurred-at", "2026-02-30"], "date like" },
        { ["records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--reported-at", "2026-05-01"], "future" },
        { ["records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--id-number", "110105194912310021"], "check digit" },
        { ["records", "add", "petition", "--channel", "visit", "--persons", "1", "--repeat-of", "PT-2026-0099"], "no petition" },
        { ["records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--bogus", "x"], "--bogus" },
        { ["records", "transition", "DS-2026-0001", "resolve"], "allowed now: assess" },
        { ["records", "transition", "DS-2026-0001", "escalate"], "allowed now: assess" },
        { ["records", "transition", "DS-2026-0001", "fly"], "not an action" },
        { ["records", "transition", "DS-2026-0099", "assess", "--risk", "red"], "no record" },
        { ["records", "amend", "DS-2026-0001", "--parties", "3"], "--reason" },
        { ["records", "amend", "DS-2026-0001", "--parties", "2", "--reason", "same"], "nothing to amend" },
        { ["records", "amend", "DS-2026-0001", "--channel", "visit", "--reason", "x"], "no field" },
        { ["records", "void", "DS-2026-0001"], "--reason" },
        { ["records", "void", "DS-2026-0001", "--reason", "entered twice\u001b[31m"], "--reason contains control characters" },
        { ["--actor", "\u001b[2K\rcli:root", "records", "void", "DS-2026-0001", "--reason", "entered twice"], "--actor: the actor contains control characters" },
        { ["records", "list", "--type", "spaceship"], "unknown record type" },
        { ["records", "export", "--format", "xml"], "xml" },
        { ["records", "verify", "--expect-head", "12:nothex"], "--expect-head" },
        { ["indicators", "--date", "2026-13-01"], "--date" },
        { ["records", "seed-demo", "--year", "1999"], "--year" },
        { ["records", "seed-demo"], "already holds" },
        { ["diag", "ledger-stress", "--count", "5"], "empty" },
        { ["frobnicate"], "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Usage_errors_exit_2_with_a_clear_message_and_write_nothing(string[] args, string expectedInMessage)
    {
        using var station = new TestStation();
        station.AddDispute(risk: "yellow");
        var before = station.Head();

        var r = station.Run(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(expectedInMessage, r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
        Assert.Equal(before, station.Head());
    }

    [Fact]
    public void A_malformed_config_names_the_key_and_exits_2()
    {
        using var station = new TestStation();
        File.WriteAllText(Path.Combine(station.DataDir, "station.json"), "{ \"disputeDeadlines\": { \"redDays\": \"soon\" } }");

        var r = station.Run("records", "add", "case", "--kind", "criminal");

        Assert.Equal(2, r.Exit);
        Assert.Contains("disputeDeadlines.redDays", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(station.DbPath));
    }

    [Fact]
    public void An_unknown_config_key_is_refused()
    {
        using var station = new TestStation();
        File.WriteAllText(Path.Combine(station.DataDir, "station.json"), "{ \"timezone\": \"Asia/Shanghai\" }");

        var r = station.Run("indicators");

        Assert.Equal(2, r.Exit);
        Assert.Contains("timezone", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_categories_replace_the_defaults()
    {
        using var station = new TestStation();
        File.WriteAllText(Path.Combine(station.DataDir, "station.json"), "{ \"disputeCategories\": [\"water\", \"other\"] }");

        Assert.Equal(0, station.Run("records", "add", "dispute", "--category", "water", "--parties", "2").Exit);
        Assert.Equal(2, station.Run("records", "add", "dispute", "--category", "neighbours", "--parties", "2").Exit);
    }

    [Fact]
    public void A_file_that_is_not_a_database_exits_3_and_is_left_alone()
    {
        using var station = new TestStation();
        var garbage = "this is a spreadsheet, not a ledger\n"u8.ToArray().Concat(new byte[9000]).ToArray();
        File.WriteAllBytes(station.DbPath, garbage);

        var r = station.Run("records", "add", "case", "--kind", "criminal");

        Assert.Equal(3, r.Exit);
        Assert.Contains("not a station database", r.Err, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(station.DbPath));
    }

    [Fact]
    public void A_database_held_by_another_owner_exits_3_and_says_what_to_do()
    {
        using var station = new TestStation();
        station.AddDispute();
        using var service = LedgerStore.Open(station.DataDir); // stands in for the running service

        var r = station.Run("records", "add", "case", "--kind", "criminal");

        Assert.Equal(3, r.Exit);
        Assert.Contains("systemctl stop edgestation", r.Err, StringComparison.Ordinal);
        Assert.Equal(2, service.Head.Seq);
    }

    [Fact]
    public void An_unwritable_data_dir_exits_3()
    {
        using var station = new TestStation();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = EdgeStation.Station.Cli.StationCli.Run(
            ["--data-dir", "/proc/edgestation-cannot-exist", "records", "add", "case", "--kind", "criminal"],
            new EdgeStation.Station.Cli.CliContext(stdout, stderr, station.Clock, _ => null));

        Assert.Equal(3, exit);
        Assert.Contains("cannot open the station database", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clock_in_1970_refuses_to_record_and_writes_nothing()
    {
        using var station = new TestStation();
        station.AddDispute();
        var before = station.Head();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ctx = new EdgeStation.Station.Cli.CliContext(stdout, stderr, new FakeTimeProvider(DateTimeOffset.UnixEpoch), _ => null);

        var exit = EdgeStation.Station.Cli.StationCli.Run(["--data-dir", station.DataDir, "records", "add", "case", "--kind", "criminal"], ctx);

        Assert.Equal(3, exit);
        Assert.Contains("1970-01-01", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, station.Head());
    }

    [Fact]
    public void Reading_commands_on_an_empty_dir_exit_3_and_create_nothing()
    {
        using var station = new TestStation();

        var r = station.Run("records", "verify");

        Assert.Equal(3, r.Exit);
        Assert.Contains("no station database", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(station.DbPath));
    }
}
