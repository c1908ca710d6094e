using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Durability;

/// <summary>
/// A full disk is an environment error (exit 3) that loses nothing already stored. Runs on a real 2 MB tmpfs, which
/// needs root (scripts/test.sh and CI run as root); elsewhere it is reported as skipped, never passed untested.
/// </summary>
public sealed class DiskFullTests
{
    [SkippableFact]
    public void A_full_disk_exits_3_and_keeps_what_was_stored()
    {
        using var fs = Tmpfs.Mount(2);
        using var station = new TestStation();
        var dataDir = Path.Combine(fs.Path, "data");
        CliResult Run(params string[] args)
        {
            var o = new StringWriter();
            var e = new StringWriter();
            var exit = EdgeStation.Station.Cli.StationCli.Run(["--data-dir", dataDir, .. args], new EdgeStation.Station.Cli.CliContext(o, e, station.Clock, _ => null));
            return new CliResult(exit, o.ToString(), e.ToString());
        }
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, Run("records", "add", "grid-event", "--category", "environment", "--summary", "垃圾点清运不及时").Exit);
        }
        var anchor = Run("records", "anchor").Out.Trim();
        var filler = fs.Fill();

        var full = Run("records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--summary", new string('长', 1500));

        File.Delete(filler);
        Assert.Equal(3, full.Exit);
        Assert.Contains("No space left", full.Err, StringComparison.Ordinal);
        Assert.Equal(0, Run("records", "verify", "--expect-head", anchor).Exit);
        Assert.Equal(anchor, Run("records", "anchor").Out.Trim());
        Assert.Equal(0, Run("records", "add", "case", "--kind", "criminal").Exit);
    }
}
