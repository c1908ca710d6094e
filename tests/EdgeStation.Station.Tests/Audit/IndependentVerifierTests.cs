using System.Diagnostics;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Audit;

/// <summary>docs/ledger.md claims an auditor can re-verify an export with their own tool; scripts/verify-export.py is one.</summary>
public class IndependentVerifierTests
{
    private static readonly string Script = Path.Combine(RepoRoot(), "scripts", "verify-export.py");

    [Fact]
    public void An_export_re_verifies_with_the_python_checker_and_a_changed_byte_does_not()
    {
        using var station = new TestStation();
        station.Ok("records", "seed-demo", "--village", "杨柳村", "--year", "2025");
        var export = Path.Combine(station.DataDir, "export.json");
        station.Ok("records", "export", "--output", export);
        var anchor = station.Head();

        var intact = RunPython(export, "--expect-head", anchor);
        var text = File.ReadAllText(export);
        var at = text.IndexOf("\\\"parties\\\":2", StringComparison.Ordinal);
        File.WriteAllText(export, text[..at] + "\\\"parties\\\":3" + text[(at + 14)..]);
        var tampered = RunPython(export);

        Assert.True(intact.Exit == 0, intact.Err);
        Assert.Contains(anchor, intact.Out, StringComparison.Ordinal);
        Assert.Equal(1, tampered.Exit);
        Assert.Contains("content was changed", tampered.Err, StringComparison.Ordinal);
    }

    private static CliResult RunPython(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        Process p;
        try
        {
            p = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("python3 is needed for the independent ledger check (scripts/test.sh installs it)");
            throw;
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return new CliResult(p.ExitCode, stdout.GetAwaiter().GetResult(), stderr);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeStation.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("EdgeStation.sln not found above " + AppContext.BaseDirectory);
    }
}
