using System.Text.Json;
using EdgeStation.Center.Storage;
using EdgeStation.Station.Sync;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Center.Tests.Support;

/// <summary>
/// A real center (in this process, or a child process that can be killed), the <see cref="FaultProxy"/> in front of
/// it, and stations built of the real sync client: a LiteDB outbox on disk and <see cref="SyncPusher"/>, with bundles
/// whose endpoint is the proxy. <see cref="AssertExactlyOnce"/> is the verdict every fault test ends with.
/// </summary>
public sealed class FaultRig : IDisposable
{
    private readonly Dictionary<string, RigStation> _stations = [];
    private RunningCenter? _center;
    private CenterProcess? _process;

    public FaultRig(string? database = null)
    {
        Run = new CenterRun { Database = database };
        Proxy = new FaultProxy(targetPort: 0);
        Assert.Equal(0, Run.Cli("ca", "init", "--name", "东山镇综治中心").Exit);
    }

    public CenterRun Run { get; }
    public FaultProxy Proxy { get; }

    /// <summary>The station side's clock: the pusher's ack timeout never fires unless a test advances it.</summary>
    public FakeTimeProvider StationTime { get; } = new(CenterRun.Start);

    public RigStation Station(string id)
    {
        if (!_stations.TryGetValue(id, out var station))
        {
            var bundlePath = Run.BundlePath(id);
            var (exit, _, error) = Run.Cli("enroll", "--station", id, "--name", id + "村", "--endpoint", $"https://127.0.0.1:{Proxy.Port}", "--output", bundlePath);
            Assert.True(exit == 0, error);
            var bundle = StationBundle.Read(bundlePath, id, Run.Time.GetUtcNow());
            station = new RigStation(bundle, Path.Combine(Run.Root, "station-" + id), StationTime);
            _stations[id] = station;
        }
        return station;
    }

    /// <summary>The center in this process (stopped politely by <see cref="StopCenter"/>).</summary>
    public void StartCenter()
    {
        _center = RunningCenter.Start(Run);
        Proxy.TargetPort = _center.StationUrl.Port;
    }

    /// <summary>The center as a child process, for <see cref="KillCenter"/>.</summary>
    public void StartCenterProcess()
    {
        _process = CenterProcess.Start(Run);
        Proxy.TargetPort = _process.Port;
    }

    public void StopCenter()
    {
        _center?.Dispose();
        _center = null;
        _process?.Dispose();
        _process = null;
    }

    public void KillCenter()
    {
        _process!.Kill();
        _process.Dispose();
        _process = null;
    }

    /// <summary>`stations list --json` of the running center (through its admin port), by id.</summary>
    public Dictionary<string, JsonElement> Listed()
    {
        var (exit, output, error) = Run.Cli("stations", "list", "--json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
    }

    /// <summary>
    /// With the center stopped: every envelope each station produced is held exactly once, byte for byte as produced,
    /// under its seq, nothing else is held, no station's outbox still holds anything, and no alert was raised.
    /// </summary>
    public void AssertExactlyOnce(string because)
    {
        StopCenter();
        using var store = CenterStores.Open(Run.DataDir, Run.Database, mustExist: true, Run.Time);
        foreach (var (id, station) in _stations)
        {
            Assert.True(station.Outbox.Status().Depth == 0, $"{id}: {station.Outbox.Status().Depth} envelope(s) still in the outbox; {because}");
            Assert.True(station.Produced.Count == store.EnvelopeCount(id), $"{id}: produced {station.Produced.Count}, the center holds {store.EnvelopeCount(id)}; {because}");
            Assert.True(station.Produced.Count == store.Station(id)!.Envelopes, $"{id}: the center counted {store.Station(id)!.Envelopes} envelopes stored; {because}");
            var held = store.Envelopes(id, [.. Enumerable.Range(1, station.Produced.Count).Select(i => (ulong)i)]);
            for (var seq = 1; seq <= station.Produced.Count; seq++)
            {
                Assert.True(held.TryGetValue((ulong)seq, out var e), $"{id}: envelope {seq} never arrived; {because}");
                var (kind, payload) = station.Produced[seq - 1];
                Assert.True(e.Kind == kind && e.Payload.AsSpan().SequenceEqual(payload), $"{id}: envelope {seq} differs from what the station produced; {because}");
            }
        }
        var alerts = store.AlertList(includeResolved: true);
        Assert.True(alerts.Count == 0, $"unexpected alerts: {string.Join("; ", alerts.Select(a => a.Message))}; {because}");
    }

    public void Dispose()
    {
        StopCenter();
        foreach (var s in _stations.Values)
        {
            s.Dispose();
        }
        Proxy.Dispose();
        Run.Dispose();
    }
}
