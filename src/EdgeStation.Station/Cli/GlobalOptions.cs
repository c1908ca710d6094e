using System.CommandLine;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Station;

namespace EdgeStation.Station.Cli;

/// <summary>Options every command takes: where the data lives, JSON output, configuration, who is acting.</summary>
public sealed class GlobalOptions
{
    public const string DefaultDataDir = "/var/lib/edgestation";

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = $"station data directory (default: $EDGESTATION_DATA_DIR, else {DefaultDataDir})",
        Recursive = true,
        HelpName = "DIR",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "machine-readable JSON output", Recursive = true };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "station.json (default: $EDGESTATION_CONFIG, else <data-dir>/station.json if present, else built-in defaults)",
        Recursive = true,
        HelpName = "FILE",
    };

    public Option<string?> Actor { get; } = new("--actor")
    {
        Description = "who is making the change, kept in the ledger (default: cli:<login name>)",
        Recursive = true,
        HelpName = "NAME",
    };

    public void AddTo(Command root)
    {
        root.Options.Add(DataDir);
        root.Options.Add(Json);
        root.Options.Add(Config);
        root.Options.Add(Actor);
    }

    public string ResolveDataDir(ParseResult p, CliContext ctx) =>
        p.GetValue(DataDir) ?? ctx.Environment("EDGESTATION_DATA_DIR") ?? DefaultDataDir;

    public string ResolveActor(ParseResult p, CliContext ctx)
    {
        var actor = p.GetValue(Actor)?.Trim();
        if (string.IsNullOrEmpty(actor))
        {
            return "cli:" + (ctx.Environment("SUDO_USER") ?? ctx.Environment("USER") ?? "unknown");
        }
        return CheckActor(actor);
    }

    /// <summary>An --actor as the ledger takes it (FreeText's rules); also what the service checks of an actor the CLI sends it.</summary>
    public static string CheckActor(string actor)
    {
        actor = actor.Trim();
        if (actor.StartsWith("user:", StringComparison.OrdinalIgnoreCase))
        {
            // In the ledger "user:NAME" means a logged-in kiosk/API user; the command line cannot claim to be one.
            throw new UsageException("--actor cannot start with 'user:': that names logged-in web users in the ledger");
        }
        try
        {
            return FreeText.Actor(actor);
        }
        catch (RecordInputException ex)
        {
            throw new UsageException("--actor: " + ex.Message);
        }
    }

    /// <summary>The service running on this command's data dir, for record writes to go through; null: write directly.</summary>
    public ServiceClient? RunningService(ParseResult p, CliContext ctx) =>
        ctx.Hosted is null ? ServiceClient.Find(ResolveDataDir(p, ctx)) : null;

    /// <summary>Loads the configuration and opens the station database (one owner process at a time).</summary>
    public StationSession Open(ParseResult p, CliContext ctx, bool mustExist) =>
        OpenAt(ResolveDataDir(p, ctx), p, ctx, mustExist);

    public StationSession OpenAt(string dataDir, ParseResult p, CliContext ctx, bool mustExist) =>
        OpenAt(dataDir, p, ctx, mustExist, readOnly: false);

    /// <summary>
    /// For the read commands (list, show, verify, anchor, indicators, export, users list): the database must exist,
    /// and nothing is created or changed (no folder, no file, no header rewrite), whatever the outcome.
    /// </summary>
    /// <param name="check">`records verify` opens a store whose stored state disagrees with the ledger too, to name what differs.</param>
    public StationSession OpenToRead(ParseResult p, CliContext ctx, StateCheck check = StateCheck.Required) =>
        OpenAt(ResolveDataDir(p, ctx), p, ctx, mustExist: true, readOnly: true, check);

    /// <summary>
    /// Before writing: the data dir and its files owner-only (<see cref="DataDirAccess"/>), saying on standard error
    /// (the service's log) what had to be tightened; exit 3 when it cannot be.
    /// </summary>
    public static void SecureDataDir(string dataDir, CliContext ctx)
    {
        if (DataDirAccess.Tighten(dataDir) is { Count: > 0 } changed)
        {
            ctx.Error.WriteLine(DataDirAccess.Warning(dataDir, changed));
        }
    }

    /// <summary>For `records rebuild`: the database must exist, and opens for writing even when its stored state disagrees with the ledger.</summary>
    public StationSession OpenToRebuild(ParseResult p, CliContext ctx) =>
        OpenAt(ResolveDataDir(p, ctx), p, ctx, mustExist: true, readOnly: false, StateCheck.Report);

    private StationSession OpenAt(string dataDir, ParseResult p, CliContext ctx, bool mustExist, bool readOnly, StateCheck check = StateCheck.Required)
    {
        if (ctx.Hosted is { } hosted)
        {
            return hosted; // inside the service, which holds the database already
        }
        var config = StationConfigLoader.Load(p.GetValue(Config), dataDir, ctx.Environment);
        if (!readOnly)
        {
            SecureDataDir(dataDir, ctx); // a read changes nothing, not even a mode
        }
        var store = LedgerStore.Open(dataDir, mustExist, readOnly, check: check);
        try
        {
            return new StationSession(store, new RecordService(store, config, ctx.Time), ctx.Time);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
