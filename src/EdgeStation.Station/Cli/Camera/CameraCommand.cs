using System.CommandLine;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>`edgestation camera …`: camera analytics (雪亮工程 cameras counted, never identified).</summary>
public static class CameraCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("camera", "cameras: configuration, probing, analytics (people counts, zones, lines, tamper; cameras count, they never identify anyone)");
        cmd.Subcommands.Add(CameraAddCommand.Build(g, ctx));
        cmd.Subcommands.Add(CameraListCommand.Build(g, ctx));
        cmd.Subcommands.Add(CameraZonesCommand.Build(g, ctx));
        cmd.Subcommands.Add(CameraProbeCommand.Build(g, ctx));
        cmd.Subcommands.Add(CameraStatusCommand.Status(g, ctx));
        cmd.Subcommands.Add(CameraStatusCommand.Alerts(g, ctx));
        cmd.Subcommands.Add(AnalyzeCommand.Build(g, ctx));
        return cmd;
    }
}
