using EdgeStation.Station.Cameras;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Bundle;

namespace EdgeStation.Station.Sync;

/// <summary>
/// The station's sync for one data dir: its outbox, producers and pusher, one push at a time. The service keeps one
/// for its lifetime (<see cref="SyncService"/>) and registers it (<see cref="SyncAgents"/>) so that `sync status` and
/// `sync now`, sent to the service by the command line, act on the same outbox; without the service a command makes its own.
/// </summary>
public sealed class SyncAgent : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly TimeProvider _time;

    /// <param name="cameras">The running cameras' counts (the service's); none when a command runs without the service.</param>
    public SyncAgent(RecordService records, OutboxStore outbox, TimeProvider time, IReadOnlyList<CameraHourlyCounts>? cameras = null)
    {
        _time = time;
        Outbox = outbox;
        DataDir = outbox.DataDir;
        Producers = new SyncProducers(records, outbox, time, cameras);
        Pusher = new SyncPusher(outbox, time);
        LastPush = SyncStateFile.Read(DataDir, out var ok);
        LastSuccessAt = ok;
    }

    public string DataDir { get; }
    public OutboxStore Outbox { get; }
    public SyncProducers Producers { get; }
    public SyncPusher Pusher { get; }
    public PushReport? LastPush { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }

    /// <summary>Produces what is due and pushes what waits, once. Null when the station is not provisioned (nothing pushed).</summary>
    public async Task<PushReport?> RunOnceAsync(CancellationToken cancel)
    {
        await _one.WaitAsync(cancel);
        try
        {
            Producers.ProduceDue();
            StationBundle? bundle;
            try
            {
                bundle = SyncIdentity.Load(DataDir, _time.GetUtcNow());
            }
            catch (StationBundleException ex)
            {
                return Record(new PushReport(0, 0, 0, $"the installed identity ({SyncIdentity.BundlePath(DataDir)}) is not usable: {ex.Message}; provision a new bundle", _time.GetUtcNow()));
            }
            if (bundle is null)
            {
                return null;
            }
            var report = await Pusher.PushOnceAsync(bundle, cancel);
            if (report.ClockOffsetMs is { } offset)
            {
                Producers.ClockOffsetMs = offset;
            }
            return Record(report);
        }
        finally
        {
            _one.Release();
        }
    }

    private PushReport Record(PushReport report)
    {
        LastPush = report;
        if (report.Ok)
        {
            LastSuccessAt = report.At;
        }
        SyncStateFile.Write(DataDir, report, LastSuccessAt);
        return report;
    }

    public void Dispose()
    {
        Outbox.Dispose();
        _one.Dispose();
    }
}
