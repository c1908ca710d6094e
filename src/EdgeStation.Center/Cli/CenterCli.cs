using System.CommandLine;
using System.CommandLine.Help;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Center.Cli;

/// <summary>The `edgestation-center` command line: builds the command tree, runs it, maps failures to exit codes.</summary>
public static class CenterCli
{
    public static int Run(string[] args, CenterContext ctx)
    {
        var o = new CenterOptions();
        var root = new RootCommand("EdgeStation center: the township server (乡镇综治中心) that village stations push their figures to.\nExit codes: 0 ok, 1 failed check, 2 usage or input error, 3 environment (no CA, database held, disk, port).");
        o.AddTo(root);
        root.Subcommands.Add(CaCommand.Build(o, ctx));
        root.Subcommands.Add(EnrollCommand.Build(o, ctx));
        root.Subcommands.Add(RevokeCommand.Build(o, ctx));
        root.Subcommands.Add(StationsCommand.Build(o, ctx));
        root.Subcommands.Add(AlertsCommand.Build(o, ctx));
        root.Subcommands.Add(AnchorCommand.Build(o, ctx));
        root.Subcommands.Add(RunCommand.Build(o, ctx));
        root.Subcommands.Add(DemoCommand.Build(o, ctx));
        root.Subcommands.Add(UsersCommand.Build(o, ctx));

        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            foreach (var error in result.Errors)
            {
                ctx.Error.WriteLine($"error: {error.Message}");
            }
            ctx.Error.WriteLine("Run 'edgestation-center --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return result.Invoke(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is UsageException or StationBundleException)
        {
            ctx.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (CenterEnvironmentException ex)
        {
            ctx.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Environment;
        }
    }
}
