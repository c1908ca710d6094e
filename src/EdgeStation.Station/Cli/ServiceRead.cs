using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using EdgeStation.Storage;

namespace EdgeStation.Station.Cli;

/// <summary>
/// The read commands (`records list/show/verify/anchor/export`, `indicators`) while the service holds the database:
/// the CLI sends the command line to the service (<see cref="Path"/>, the local token, as record writes do), which
/// runs the very same command on its own open store (<see cref="CliContext.Hosted"/>) and answers with its output
/// and exit code. Same text, same JSON, same exit codes as a direct read, with nothing formatted twice.
/// </summary>
public static class ServiceRead
{
    public const string Path = "/api/cli/read";
    public const string ExitHeader = "X-EdgeStation-Exit";
    /// <summary>The command's standard error, percent-encoded (header values are ASCII).</summary>
    public const string ErrorHeader = "X-EdgeStation-Stderr";

    private static readonly string[][] Reads =
    [
        ["records", "list"], ["records", "show"], ["records", "verify"], ["records", "anchor"], ["records", "export"], ["indicators"],
        ["sync", "status"], ["sync", "now"], // the service's own outbox (SyncAgents)
    ];

    /// <summary>Whether <paramref name="result"/> is one of the read commands (and not its --help).</summary>
    public static bool IsRead(ParseResult result)
    {
        if (result.Action is HelpAction)
        {
            return false;
        }
        var path = new List<string>();
        for (var c = result.CommandResult; c.Parent is CommandResult parent; c = parent)
        {
            path.Insert(0, c.Command.Name);
        }
        return Reads.Any(r => r.SequenceEqual(path, StringComparer.Ordinal));
    }

    /// <summary>Runs a read command through the running service; null when there is none (read the database directly).</summary>
    public static int? TryForward(ParseResult result, GlobalOptions g, CliContext ctx)
    {
        if (ctx.Hosted is not null || !IsRead(result))
        {
            return null;
        }
        using var client = g.RunningService(result, ctx);
        if (client is null)
        {
            return null;
        }
        // The file is written here, as the user who asked, never by the service.
        var output = result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == ExportCommand.OutputOption);
        var outputPath = output is null ? null : result.GetResult(output)?.Tokens.FirstOrDefault()?.Value;
        using var answer = client.Read(Args(result, [g.DataDir, g.Config, g.Actor, output]), g.ResolveActor(result, ctx));
        try
        {
            if (outputPath is not null && answer.Exit == ExitCodes.Ok)
            {
                ExportCommand.WriteFile(outputPath, ctx, answer.CopyOutputTo);
            }
            else
            {
                answer.CopyOutputTo(ctx.Out);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && ex is not StorageEnvironmentException)
        {
            throw new StorageEnvironmentException($"the edgestation service stopped answering at {client.Address} ({ex.Message}): run the command again", ex);
        }
        ctx.Error.Write(answer.Error);
        return answer.Exit;
    }

    /// <summary>The command line as typed, less the options that name things on this side (data dir, config, actor, output file).</summary>
    private static List<string> Args(ParseResult result, IEnumerable<Option?> local)
    {
        var skip = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        foreach (var option in local)
        {
            if (option is not null && result.GetResult(option) is { } r)
            {
                if (r.IdentifierToken is { } id)
                {
                    skip.Add(id);
                }
                skip.UnionWith(r.Tokens);
            }
        }
        return result.Tokens.Where(t => !skip.Contains(t)).Select(t => t.Value).ToList();
    }
}
