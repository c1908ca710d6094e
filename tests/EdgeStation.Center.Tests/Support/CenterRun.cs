using EdgeStation.Center.Cli;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Center.Tests.Support;

/// <summary>Runs `edgestation-center` commands in this process on a temporary data dir, capturing output.</summary>
public sealed class CenterRun : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public CenterRun()
    {
        Root = Directory.CreateTempSubdirectory("es-center-").FullName;
        DataDir = Path.Combine(Root, "data");
    }

    public string Root { get; }
    public string DataDir { get; }
    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>A PostgreSQL connection string every command gets as --db; null for the embedded store.</summary>
    public string? Database { get; init; }

    /// <summary>--data-dir, and --db when <see cref="Database"/> is set.</summary>
    public string[] StoreArgs => Database is null ? ["--data-dir", DataDir] : ["--data-dir", DataDir, "--db", Database];

    public (int Exit, string Out, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var ctx = new CenterContext(output, error, Time, name => name == "USER" ? "tester" : null);
        var exit = CenterCli.Run([.. args, .. StoreArgs], ctx);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A command that reads standard input (`users add` reads the password from it).</summary>
    public (int Exit, string Out, string Error) CliWithInput(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var ctx = new CenterContext(output, error, Time, name => name == "USER" ? "tester" : null) { In = new StringReader(input) };
        var exit = CenterCli.Run([.. args, .. StoreArgs], ctx);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>ca init, then enroll each station into ROOT/ID.bundle.json.</summary>
    public void InitAndEnroll(params string[] stationIds)
    {
        Assert.Equal(0, Cli("ca", "init", "--name", "东山镇综治中心").Exit);
        foreach (var id in stationIds)
        {
            var (exit, _, error) = Cli("enroll", "--station", id, "--name", id + "村", "--endpoint", "https://localhost:7443", "--output", BundlePath(id));
            Assert.True(exit == 0, error);
        }
    }

    public string BundlePath(string id) => Path.Combine(Root, id + ".bundle.json");

    public void Dispose() => Directory.Delete(Root, true);
}
