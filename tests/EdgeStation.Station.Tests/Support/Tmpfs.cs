using System.Diagnostics;

namespace EdgeStation.Station.Tests.Support;

/// <summary>
/// A real small tmpfs for full-disk tests. Mounting needs root: as root a failed mount fails the test; as anyone else
/// the test is skipped, and the skip is counted (scripts/test.sh prints it). It never passes untested.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private bool _mounted;

    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MB, or skips the calling [SkippableFact] when not root.</summary>
    public static Tmpfs Mount(int megabytes)
    {
        Skip.If(Environment.UserName != "root", "mounting a tmpfs needs root: run scripts/test.sh as root (CI does) to exercise the full-disk tests");
        var fs = new Tmpfs(Directory.CreateTempSubdirectory("edgestation-full-").FullName);
        using var mount = Process.Start("mount", ["-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", fs.Path])!;
        mount.WaitForExit();
        if (mount.ExitCode != 0)
        {
            Directory.Delete(fs.Path);
            Assert.Fail($"running as root but 'mount -t tmpfs' failed (exit {mount.ExitCode}): the full-disk test cannot run here");
        }
        fs._mounted = true;
        return fs;
    }

    /// <summary>Writes a file until the file system refuses (ENOSPC): everything else is left as it was.</summary>
    public string Fill(string name = "filler")
    {
        var path = System.IO.Path.Combine(Path, name);
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
        return path;
    }

    public void Dispose()
    {
        if (_mounted)
        {
            using var umount = Process.Start("umount", ["-l", Path])!;
            umount.WaitForExit();
        }
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
