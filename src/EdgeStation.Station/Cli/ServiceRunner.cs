using EdgeStation.Station.Config;
using EdgeStation.Station.Service;
using EdgeStation.Storage;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Cli;

/// <summary>
/// Runs the station service over an open store until SIGINT/SIGTERM (or <see cref="CliContext.Stop"/>): shared by
/// `edgestation run` and `edgestation demo`, so the demo serves exactly what a station serves.
/// </summary>
public static class ServiceRunner
{
    /// <param name="urls">Where to listen; null for the configuration's address.</param>
    /// <param name="started">Called with the addresses actually bound (port 0 becomes a real port) once requests are answered.</param>
    public static int Serve(LedgerStore store, StationConfig config, CliContext ctx, string? urls, Action<IReadOnlyList<string>> started)
    {
        var app = StationHost.Build(store, config, ctx.Time, urls);
        try
        {
            app.Start();
        }
        catch (IOException ex)
        {
            // Kestrel reports a busy or forbidden address as an IOException: an environment problem (exit 3).
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new StorageEnvironmentException($"cannot listen on {urls ?? StationHost.Url(config.Http)}: {ex.Message}", ex);
        }
        try
        {
            started([.. app.Urls]);
            // SIGTERM or Ctrl+C: Kestrel drains requests, then the store finishes queued appends (when disposed by the caller).
            app.WaitForShutdownAsync(ctx.Stop).GetAwaiter().GetResult();
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return ExitCodes.Ok;
    }
}
