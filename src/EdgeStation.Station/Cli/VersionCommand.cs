using System.CommandLine;
using System.Text.Json;
using EdgeStation.Station.Output;

namespace EdgeStation.Station.Cli;

public static class VersionCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("version", "print the version and git commit");
        cmd.SetAction(p =>
        {
            if (p.GetValue(g.Json))
            {
                using var s = new RecordJson.Stream(ctx.Out);
                s.Writer.WriteStartObject();
                s.Writer.WriteString("version", ThisAssembly.AssemblyInformationalVersion);
                s.Writer.WriteString("commit", ThisAssembly.GitCommitId);
                s.Writer.WriteEndObject();
            }
            else
            {
                ctx.Out.WriteLine($"edgestation {ThisAssembly.AssemblyInformationalVersion}");
                ctx.Out.WriteLine($"commit {ThisAssembly.GitCommitId}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
