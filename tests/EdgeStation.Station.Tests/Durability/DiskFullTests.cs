using System.Diagnostics;
using EdgeStation.Station.Tests.Support;
using Xunit.Abstractions;

namespace EdgeStation.Station.Tests.Durability;

/// <summary>
/// A full disk is an environment error (exit 3) that loses nothing already stored. Runs on a 2 MB tmpfs,
/// which needs root (scripts/test.sh and CI run as root); elsewhere it says so and does nothing.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("edgestation-full-").FullName;
    private bool _mounted;

    [Fact]
    public void A_full_disk_exits_3_and_keeps_what_was_stored()
    {
        if (!Mount())
        {
            output.WriteLine("SKIPPED IN EFFECT: mounting a tmpfs needs root; run scripts/test.sh as root to exercise this test");
            return;
        }
        using var station = new TestStation();
        var dataDir = Path.Combine(_mount, "data");
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
        FillDisk(Path.Combine(_mount, "filler"));

        var full = Run("records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--summary", new string('长', 1500));

        File.Delete(Path.Combine(_mount, "filler"));
        Assert.Equal(3, full.Exit);
        Assert.Contains("No space left", full.Err, StringComparison.Ordinal);
        Assert.Equal(0, Run("records", "verify", "--expect-head", anchor).Exit);
        Assert.Equal(anchor, Run("records", "anchor").Out.Trim());
        Assert.Equal(0, Run("records", "add", "case", "--kind", "criminal").Exit);
    }

    private static void FillDisk(string path)
    {
        using var filler = new FileStream(path, FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private bool Mount()
    {
        if (Environment.UserName != "root")
        {
            return false;
        }
        using var mount = Process.Start("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", _mount]);
        mount.WaitForExit();
        _mounted = mount.ExitCode == 0;
        return _mounted;
    }

    public void Dispose()
    {
        if (_mounted)
        {
            using var umount = Process.Start("umount", ["-l", _mount]);
            umount.WaitForExit();
        }
        Directory.Delete(_mount, recursive: true);
    }
}
