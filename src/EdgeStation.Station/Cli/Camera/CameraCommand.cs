using System.CommandLine;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>`edgestation camera …`: camera analytics (雪亮工程 cameras counted, never identified).</summary>
public static class CameraCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("camera", "camera analytics: people counts and line crossings (cameras count, they never identify anyone)");
        cmd.Subcommands.Add(AnalyzeCommand.Build(g, ctx));
        return cmd;
    }
}
