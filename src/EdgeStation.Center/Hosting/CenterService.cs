using EdgeStation.Center.Accounts;
using EdgeStation.Center.Admin;
using EdgeStation.Center.Authority;
using EdgeStation.Center.Cli;
using EdgeStation.Center.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Center.Hosting;

/// <summary>
/// The center service's life: take the store and CA, listen (or exit 3 saying why not), publish run/admin.json,
/// serve until stopped, then withdraw run/admin.json. Used by `run` and `demo`.
/// </summary>
public static class CenterService
{
    /// <param name="afterStart">Runs once the center listens, with its addresses, before <see cref="CenterContext.Started"/>.</param>
    /// <param name="database">PostgreSQL connection string, or null for the embedded store.</param>
    public static void Serve(string dataDir, string? database, CenterRunOptions options, CenterContext ctx, Action<IReadOnlyList<string>>? afterStart)
    {
        // Everything that can refuse (CA, store, schema migration) is opened before anything listens: the center
        // never starts half-way.
        using var authority = AuthorityFiles.Load(dataDir);
        using var store = CenterStores.Open(dataDir, database, mustExist: true, ctx.Time);
        var token = AdminRunFile.NewToken();
        using var app = CenterHost.Build(options, store, authority, ctx.Time, token, new CenterAccounts(dataDir));
        try
        {
            app.StartAsync(ctx.Stop).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new CenterEnvironmentException($"cannot listen: {e.Message} (is another center running, or the port taken? see --urls and --admin-port)", e);
        }
        try
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
            var admin = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal));
            new AdminRunFile(new Uri(admin), token).Write(dataDir);
            CenterLog.Listening(app.Services.GetRequiredService<ILogger<CenterAdmin>>(), string.Join(", ", addresses.Where(a => a != admin)), admin, store.AllStations().Count, store.Describe);
            afterStart?.Invoke(addresses);
            ctx.Started?.Invoke(addresses);
            app.WaitForShutdownAsync(ctx.Stop).GetAwaiter().GetResult();
        }
        finally
        {
            AdminRunFile.Remove(dataDir);
            app.StopAsync().GetAwaiter().GetResult();
        }
    }
}
