using System.CommandLine;
using System.CommandLine.Help;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Cli.Camera;
using EdgeStation.Storage;
using EdgeStation.Storage.Station;

namespace EdgeStation.Station.Cli;

/// <summary>The `edgestation` command line: builds the command tree, runs it, and maps failures to exit codes.</summary>
public static class StationCli
{
    public static int Run(string[] args, CliContext ctx)
    {
        // Before any file exists: everything this process creates (LiteDB's files, the journal, an export) is 0600.
        DataDirAccess.RestrictNewFiles();
        var g = new GlobalOptions();
        var root = new RootCommand("EdgeStation: the village governance station (村级综治中心).\nExit codes: 0 ok, 1 failed check, 2 usage or input error, 3 environment (database held, disk, clock).");
        g.AddTo(root);
        root.Subcommands.Add(RecordsCommand.Build(g, ctx));
        root.Subcommands.Add(IndicatorsCommand.Build(g, ctx));
        root.Subcommands.Add(HolidaysCommand.Build(g, ctx));
        root.Subcommands.Add(UsersCommand.Build(g, ctx));
        root.Subcommands.Add(RunCommand.Build(g, ctx));
        root.Subcommands.Add(DemoCommand.Build(g, ctx));
        root.Subcommands.Add(DiagCommand.Build(g, ctx));
        root.Subcommands.Add(Door.DoorCommand.Build(g, ctx));
        root.Subcommands.Add(Door.PersonCommand.Build(g, ctx));
        root.Subcommands.Add(Door.CardCommand.Build(g, ctx));
        root.Subcommands.Add(Door.PinCommand.Build(g, ctx));
        root.Subcommands.Add(Door.ScheduleCommand.Build(g, ctx));
        root.Subcommands.Add(Door.LevelCommand.Build(g, ctx));
        root.Subcommands.Add(Door.AlarmsCommand.Build(g, ctx));
        root.Subcommands.Add(ProvisionCommand.Build(g, ctx));
        root.Subcommands.Add(SyncCommand.Build(g, ctx));
        root.Subcommands.Add(CameraCommand.Build(g, ctx));
        root.Subcommands.Add(VersionCommand.Build(g, ctx));

        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            foreach (var error in result.Errors)
            {
                ctx.Error.WriteLine($"error: {error.Message}");
            }
            var path = string.Join(' ', CommandPath(result.CommandResult.Command, root));
            ctx.Error.WriteLine($"Run '{path} --help' for usage.");
            return ExitCodes.Usage;
        }
        if (ctx.Hosted is not null && !ServiceRead.IsRead(result))
        {
            ctx.Error.WriteLine("error: the service runs only the read commands for the command line (records list/show/verify/anchor/export, indicators)");
            return ExitCodes.Usage;
        }
        try
        {
            if (ServiceRead.TryForward(result, g, ctx) is { } exit)
            {
                return exit; // the service holds the database and ran the read command itself
            }
            return result.Invoke(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is RecordInputException or UsageException or AccountInputException)
        {
            ctx.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (StorageEnvironmentException ex)
        {
            ctx.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.Environment;
        }
        catch (CheckFailedException ex)
        {
            ctx.Error.WriteLine(ex.Message);
            return ExitCodes.CheckFailed;
        }
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            names.Add(c == root ? "edgestation" : c.Name);
        }
        names.Reverse();
        return names;
    }
}
