using EdgeStation.Station.Cameras;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Outbox;
using Microsoft.Extensions.Hosting;

namespace EdgeStation.Station.Sync;

/// <summary>
/// The pusher of the running station. Until the station is provisioned it only looks for the identity once a minute
/// (no outbox, nothing produced: there is no one to send to). Then it produces what is due and pushes, and waits
/// (<see cref="SyncBackoff"/>) on the injected clock. Offline is normal (invariant 5): a failure is recorded in words and
/// tried again, never fatal to the service.
/// </summary>
public sealed partial class SyncService(RecordService records, CameraService cameras, TimeProvider time, ILogger<SyncService> log) : BackgroundService
{
    private readonly SyncBackoff _backoff = new(Random.Shared);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SyncAgent? agent = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var ok = true;
                try
                {
                    if (agent is null && SyncIdentity.IsProvisioned(records.Store.DataDir))
                    {
                        agent = new SyncAgent(records, OutboxStore.Open(records.Store.DataDir, records.Config.OutboxCapacityBytes, time), time,
                            [.. cameras.Runners.Select(r => r.Counts)]);
                        SyncAgents.Register(agent);
                    }
                    if (agent is not null && await agent.RunOnceAsync(stoppingToken) is { Error: { } error })
                    {
                        ok = false;
                        PushFailed(error);
                    }
                }
                catch (Exception ex) when (ex is EdgeStation.Storage.StorageEnvironmentException or IOException)
                {
                    ok = false;
                    PushFailed(ex.Message);
                }
                await Task.Delay(_backoff.Next(ok), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            if (agent is not null)
            {
                SyncAgents.Withdraw(agent);
                agent.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "sync: {Error}")]
    private partial void PushFailed(string error);
}
