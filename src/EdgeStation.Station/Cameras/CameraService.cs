using EdgeStation.Domain.Calendar;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Cameras;

namespace EdgeStation.Station.Cameras;

/// <summary>
/// The configured cameras, each in its own <see cref="CameraRunner"/> (a failing camera ends nothing but its own run), the
/// alert store they share, and its pruning once an hour. With no cameras configured it holds nothing open.
/// </summary>
public sealed class CameraService : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly TimeProvider time;
    private readonly ILogger log;

    public CameraService(CameraSettings settings, string dataDir, RecordService records, TimeProvider time, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(records);
        this.time = time;
        log = logs.CreateLogger("EdgeStation.Cameras");
        Settings = settings;
        Alerts = new CameraAlertStore(dataDir, TimeSpan.FromDays(settings.RetentionDays), settings.MaxAlertBytes);
        var zone = new StationTime(records.Config.Settings.TimeZone);
        Runners = [.. settings.Cameras.Select(c => new CameraRunner(c, Alerts, time, zone, records.Calculator.Calendar, log))];
    }

    public CameraSettings Settings { get; }

    public CameraAlertStore Alerts { get; }

    public IReadOnlyList<CameraRunner> Runners { get; }

    public override void Dispose()
    {
        base.Dispose();
        Alerts.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Runners.Count == 0)
        {
            return;
        }

        // Off the host's start: each camera on its own task from the thread pool.
        var running = Runners.Select(r => Task.Run(() => r.RunAsync(stoppingToken), stoppingToken)).ToList();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var removed = Alerts.Prune(time.GetUtcNow());
                    if (removed > 0)
                    {
                        log.LogInformation("camera alerts: {Count} past their retention removed", removed);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning("camera alerts: pruning failed: {Reason}", e.Message);
                }

                await Task.Delay(PruneEvery, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
