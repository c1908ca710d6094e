using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;

namespace EdgeStation.Station.Service;

/// <summary>
/// Pets systemd's watchdog (WatchdogSec in the unit) at half the interval it asks for, but only while the
/// ledger answers: a wedged writer must get the service restarted, not kept alive by a timer. While the writer is
/// retrying after a fault (<see cref="Storage.Ledger.LedgerStore.Fault"/>) it keeps petting.
/// </summary>
public sealed class SystemdWatchdog(ISystemdNotifier notifier, Storage.Ledger.LedgerStore store, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled
            || !long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec)
            || usec <= 0)
        {
            return;
        }
        var interval = TimeSpan.FromMicroseconds(usec / 2);
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (store.Fault is null)
                {
                    // An empty append passes through the writer thread: proof that writes would be served.
                    await store.AppendAsync(_ => null).WaitAsync(interval, time, stoppingToken);
                }
                // During a fault the writer is in its retry loop and reads are served: a restart would not free the
                // disk, so keep petting (/healthz says not ready meanwhile).
                notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
            catch (TimeoutException)
            {
                // No pet: systemd restarts the service when the watchdog expires.
            }
            catch (Exception ex) when (ex is Storage.StorageEnvironmentException or ObjectDisposedException)
            {
                // A fault began between the check and the append: the next tick sees it. An exception leaving
                // ExecuteAsync would stop the host with exit code 0, which systemd takes for a clean stop.
            }
        }
    }
}
