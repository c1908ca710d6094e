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
    public static int Serve(LedgerStore store, StationConfig config, CliContext ctx, string? urls, Action<IReadOnlyList<string>> started, Action<Doors.AccessService>? configureAccess = null)
    {
        var app = StationHost.Build(store, config, ctx.Time, urls, configureAccess);
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
        // Who asked for the stop: a signal or the caller's token is a clean stop (exit 0); the host stopping by itself is
        // not, and must not exit 0, which systemd takes for a clean stop.
        var requested = false;
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => requested = true);
        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, _ => requested = true);
        using var quit = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGQUIT, _ => requested = true);
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
        if (store.Fault is { } fault)
        {
            ctx.Error.WriteLine($"edgestation: stopped while the ledger took no writes ({fault.Reason}: {fault.Detail}); " +
                "station.journal keeps what the database lacks and the next start applies it");
            return ExitCodes.Environment;
        }
        if (!requested && !ctx.Stop.IsCancellationRequested)
        {
            ctx.Error.WriteLine("edgestation: the service stopped without being asked to (see the log above)");
            return ExitCodes.Environment;
        }
        return ExitCodes.Ok;
    }
}
