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

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "keep the center's data in PostgreSQL instead of <data-dir>/center.db, e.g. \"Host=127.0.0.1;Port=5432;Database=edgestation_center;Username=center;Password=…\" (default: $EDGESTATION_CENTER_DB; the CA stays in --data-dir)",
        Recursive = true,
        HelpName = "CONNECTION",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "machine-readable JSON output", Recursive = true };

    public void AddTo(Command root)
    {
        root.Options.Add(DataDir);
        root.Options.Add(Db);
        root.Options.Add(Json);
    }

    public string ResolveDataDir(ParseResult p, CenterContext ctx) =>
        Path.GetFullPath(p.GetValue(DataDir) ?? ctx.Environment("EDGESTATION_CENTER_DATA_DIR") ?? DefaultDataDir);

    /// <summary>The PostgreSQL connection string, or null for the embedded store. The environment keeps a password out of `ps`.</summary>
    public string? ResolveDatabase(ParseResult p, CenterContext ctx) =>
        (p.GetValue(Db) ?? ctx.Environment("EDGESTATION_CENTER_DB")) is { } db
            ? string.IsNullOrWhiteSpace(db) ? throw new UsageException("--db is empty: give a PostgreSQL connection string, or leave it out for the embedded store")
                : Storage.Postgres.PostgresConnection.Parse(db) is not null ? db : null // a malformed string is exit 2 before anything else is looked at
            : null;
}
