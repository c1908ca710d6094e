using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Cli;

public class DemoCommandTests
{
    [Fact]
    public void Demo_creates_its_own_station_under_home_and_shows_the_streaks()
    {
        using var station = new TestStation();
        var home = Path.Combine(station.DataDir, "home");
        station.Environment["HOME"] = home;
        var stdout = new StringWriter();
        var ctx = new EdgeStation.Station.Cli.CliContext(stdout, new StringWriter(), station.Clock, name => station.Environment.GetValueOrDefault(name));

        var exit = EdgeStation.Station.Cli.StationCli.Run(["demo", "--no-serve"], ctx);

        Assert.Equal(0, exit);
        Assert.Contains("无案件", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("intact", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(home, ".local", "share", "edgestation-demo", "station.db")));
    }

    [Fact]
    public void Running_demo_again_keeps_the_same_data()
    {
        using var station = new TestStation();

        station.Ok("demo", "--no-serve");
        var head = station.Head();
        station.Ok("demo", "--no-serve");

        Assert.Equal(head, station.Head());
    }
}
