using System.CommandLine;

namespace EdgeStation.Center.Cli;

/// <summary>Options every command takes.</summary>
public sealed class CenterOptions
{
    public const string DefaultDataDir = "/var/lib/edgestation-center";

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = $"center data directory (default: $EDGESTATION_CENTER_DATA_DIR, else {DefaultDataDir})",
        Recursive = true,
        HelpName = "DIR",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "machine-readable JSON output", Recursive = true };

    public void AddTo(Command root)
    {
        root.Options.Add(DataDir);
        root.Options.Add(Json);
    }

    public string ResolveDataDir(ParseResult p, CenterContext ctx) =>
        Path.GetFullPath(p.GetValue(DataDir) ?? ctx.Environment("EDGESTATION_CENTER_DATA_DIR") ?? DefaultDataDir);
}
