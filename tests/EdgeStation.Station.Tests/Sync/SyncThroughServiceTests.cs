using EdgeStation.Station.Sync;
using EdgeStation.Station.Tests.Cli;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Sync.V1;

namespace EdgeStation.Station.Tests.Sync;

/// <summary>`sync now` and `sync status` while the service runs: the service acts on its own outbox (which it holds).</summary>
public sealed class SyncThroughServiceTests : IAsyncLifetime
{
    private readonly TestStation _station = new();
    private TestCenter _center = null!;

    public async Task InitializeAsync() => _center = await TestCenter.StartAsync(TestStation.Start);

    public async Task DisposeAsync()
    {
        await _center.DisposeAsync();
        _station.Dispose();
    }

    [Fact]
    public async Task Sync_now_and_status_go_through_the_running_service()
    {
        _station.AddDispute();
        var bundle = Path.Combine(_station.DataDir, "..", $"bundle-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(bundle, _center.Enroll("dongshan", TestStation.Start).ToJson());
        _station.Ok("provision", "--bundle", bundle);
        File.Delete(bundle);
        await using var service = new ServingCli(_station, "run", "--urls", "http://127.0.0.1:0");
        var serving = service.Err.WaitForLine(l => l.Contains(": serving ", StringComparison.Ordinal));
        Assert.True(await Task.WhenAny(serving, service.Exit).WaitAsync(TimeSpan.FromMinutes(3)) == serving, $"run exited: {service.Err}");
        _station.AddDispute(); // through the service: a new ledger entry to digest

        var now = _station.Run("sync", "now");

        Assert.True(now.Exit == 0, now.Out + now.Err);
        Assert.Contains("pushed by the running service", now.Out, StringComparison.Ordinal);
        var digests = _center.Received.Stored("dongshan").Where(e => e.Kind == EnvelopeKind.LedgerDigests)
            .SelectMany(e => LedgerDigests.Parser.ParseFrom(e.Payload).Entries).Select(d => d.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, digests.Count).Select(i => (ulong)i), digests);
        Assert.True(digests.Count >= 3, $"{digests.Count} digests"); // station init, two disputes
        var status = _station.Ok("sync", "status");
        Assert.Contains("outbox: 0 envelope(s)", status, StringComparison.Ordinal);
        Assert.Contains("from the running service", status, StringComparison.Ordinal);
        Assert.Contains("edgestation_sync_outbox_depth 0", SyncStatusView.Metrics(_station.DataDir), StringComparison.Ordinal);
        Assert.Equal(0, await service.StopAsync());
        Assert.Null(SyncAgents.For(_station.DataDir));
    }
}
