using EdgeStation.Center.Storage.Postgres;

namespace EdgeStation.Center.Storage;

/// <summary>Which store a command opens: PostgreSQL when `--db` (or $EDGESTATION_CENTER_DB) names one, else the embedded file.</summary>
public static class CenterStores
{
    /// <param name="database">A PostgreSQL connection string, or null for &lt;data-dir&gt;/center.db.</param>
    /// <param name="mustExist">For the embedded file: refuse to create it (every command but `ca init` and `demo`).</param>
    public static ICenterStore Open(string dataDir, string? database, bool mustExist, TimeProvider time) =>
        database is null ? LiteCenterStore.Open(dataDir, mustExist) : PostgresCenterStore.Open(database, time);
}
