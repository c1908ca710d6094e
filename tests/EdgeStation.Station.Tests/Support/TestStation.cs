using EdgeStation.Station.Cli;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Support;

/// <summary>A temporary data dir and the real CLI run in-process against it, with a fake clock.</summary>
public sealed class TestStation : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero); // 09:00 in Shanghai

    /// <param name="now">What the clock reads at first; default <see cref="Start"/>.</param>
    public TestStation(DateTimeOffset? now = null)
    {
        DataDir = Directory.CreateTempSubdirectory("edgestation-cli-").FullName;
        Clock = new FakeTimeProvider(now ?? Start);
    }

    public string DataDir { get; }
    public FakeTimeProvider Clock { get; }
    public Dictionary<string, string> Environment { get; } = new() { ["USER"] = "tester" };

    /// <summary>What the next commands read from standard input (e.g. for --password-stdin).</summary>
    public string Input { get; set; } = "";

    /// <summary>Answers to terminal prompts, in order; null means standard input is not a terminal.</summary>
    public Queue<string>? TerminalAnswers { get; set; }

    public string DbPath => Path.Combine(DataDir, "station.db");

    public CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ctx = new CliContext(stdout, stderr, Clock, name => Environment.GetValueOrDefault(name))
        {
            In = new StringReader(Input),
            AskHidden = TerminalAnswers is { } answers ? _ => answers.TryDequeue(out var a) ? a : null : null,
        };
        var exit = StationCli.Run(["--data-dir", DataDir, .. args], ctx);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs and insists on success, returning standard output trimmed.</summary>
    public string Ok(params string[] args)
    {
        var r = Run(args);
        Assert.True(r.Exit == 0, $"'{string.Join(' ', args)}' exited {r.Exit}: {r.Err}");
        return r.Out.Trim();
    }

    public string AddDispute(string risk = "yellow") =>
        Ok("records", "add", "dispute", "--category", "neighbours", "--parties", "2", "--risk", risk, "--summary", "邻里因宅基地边界发生争执", "--party-names", "张某、李某", "--phone", "13800138000");

    public string Head() => Ok("records", "anchor");

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public sealed record CliResult(int Exit, string Out, string Err);
