using EdgeStation.Center.Admin;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Storage;

namespace EdgeStation.Center.Cli;

/// <summary>
/// How a command reaches the center's data: directly (store and CA opened here) when no center runs on the data
/// dir, or through the running center's local admin endpoint (docs/center.md).
/// </summary>
public sealed class CenterAccess : IDisposable
{
    private readonly IDisposable[] _owned;

    private CenterAccess(ICenterAdmin admin, params IDisposable[] owned)
    {
        Admin = admin;
        _owned = owned;
    }

    public ICenterAdmin Admin { get; }

    /// <param name="database">PostgreSQL connection string, or null for the embedded store.</param>
    public static CenterAccess Open(string dataDir, string? database, CenterContext ctx)
    {
        if (AdminClient.Find(dataDir) is { } running)
        {
            return new CenterAccess(running, running);
        }
        var authority = AuthorityFiles.Load(dataDir);
        try
        {
            var store = CenterStores.Open(dataDir, database, mustExist: true, ctx.Time);
            return new CenterAccess(new CenterAdmin(store, authority, ctx.Time), store, authority);
        }
        catch
        {
            authority.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var o in _owned)
        {
            o.Dispose();
        }
    }
}
