using System.Globalization;
using EdgeStation.Center.Admin;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Station.Sync;
using Grpc.Core;

namespace EdgeStation.Center.Tests.Faults;

/// <summary>
/// Issue 16's faults between the station's real sync client and a real center over mutual TLS, through the
/// <see cref="FaultProxy"/>: every fault ends with everything the station produced held exactly once by the center,
/// its outbox empty and no alert. Run on both stores (<see cref="LiteSyncFaultTests"/>, <see cref="PostgresSyncFaultTests"/>).
/// </summary>
public abstract class SyncFaultContract : IDisposable
{
    private FaultRig? _rig;

    /// <summary>A PostgreSQL connection string for the center, or null for the embedded store.</summary>
    protected abstract string? Database();

    protected FaultRig Rig => _rig ??= new FaultRig(Database());

    public void Dispose()
    {
        _rig?.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableTheory]
    [InlineData(FlowDirection.Upstream, 3_000)]
    [InlineData(FlowDirection.Upstream, 12_000)]
    [InlineData(FlowDirection.Downstream, 4_000)]
    public async Task Connection_reset_mid_stream_loses_and_duplicates_nothing(FlowDirection direction, long afterBytes)
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenter();
        station.Produce(400);
        var fault = ConnectionFault.Reset(direction, afterBytes);
        Rig.Proxy.Enqueue(fault);

        var reports = await station.DrainAsync();

        Assert.True(fault.Engaged.IsCompleted, "the reset never happened: the test proves nothing");
        Assert.False(reports[0].Ok);
        Rig.AssertExactlyOnce(Describe(reports));
    }

    [SkippableTheory]
    [InlineData(FlowDirection.Upstream, 200)]
    [InlineData(FlowDirection.Upstream, 9_000)]
    [InlineData(FlowDirection.Downstream, 4_000)]
    public async Task Connection_cut_in_the_middle_of_a_TLS_record_loses_and_duplicates_nothing(FlowDirection direction, long afterBytes)
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenter();
        station.Produce(400);
        var fault = ConnectionFault.Truncate(direction, afterBytes);
        Rig.Proxy.Enqueue(fault);

        var reports = await station.DrainAsync();

        Assert.True(fault.Engaged.IsCompleted, "the cut never happened: the test proves nothing");
        Assert.False(reports[0].Ok);
        Rig.AssertExactlyOnce(Describe(reports));
    }

    [SkippableFact]
    public async Task Link_down_for_several_pushes_then_everything_arrives_once()
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenter();
        station.Produce(100);
        ConnectionFault[] down = [ConnectionFault.Refuse(), ConnectionFault.Refuse(), ConnectionFault.Refuse()];
        Rig.Proxy.Enqueue(down);

        var reports = await station.DrainAsync();

        // The HTTP client may try a refused connection twice within one push, so pushes and refusals need not pair up.
        Assert.All(down, f => Assert.True(f.Engaged.IsCompleted));
        Assert.False(reports[0].Ok);
        Assert.True(reports[^1].Ok, reports[^1].Error);
        Rig.AssertExactlyOnce(Describe(reports));
    }

    [SkippableFact]
    public async Task Stalled_link_delivers_everything_in_the_same_push_once_released()
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenter();
        station.Produce(300);
        var stall = ConnectionFault.Delay(FlowDirection.Upstream, 10_000);
        Rig.Proxy.Enqueue(stall);

        var push = station.PushAsync();
        await stall.Engaged;
        Assert.False(push.IsCompleted); // held: the station waits for its acks
        stall.Release();
        var report = await push;

        Assert.True(report.Ok, report.Error);
        Assert.Equal(300, report.Acknowledged);
        Rig.AssertExactlyOnce(Describe([report]));
    }

    [SkippableFact]
    public async Task Packets_dropped_until_the_link_dies_are_sent_again_by_the_next_push()
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenter();
        station.Produce(300);
        var drop = ConnectionFault.Drop(FlowDirection.Upstream, 10_000);
        Rig.Proxy.Enqueue(drop);

        var push = station.PushAsync();
        await drop.Engaged;
        drop.Release();
        var reports = new List<PushReport> { await push };
        reports.AddRange(await station.DrainAsync());

        Assert.False(reports[0].Ok);
        Rig.AssertExactlyOnce(Describe(reports));
    }

    [SkippableFact]
    public async Task Acks_lost_in_a_station_restart_are_answered_duplicate_and_stored_once()
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenter();
        station.Produce(400);
        var ackHold = ConnectionFault.Delay(FlowDirection.Downstream, 4_000);
        Rig.Proxy.Enqueue(ackHold);

        // The station stops while acks are on their way: it never learns that part of what it sent was stored.
        using (var stop = new CancellationTokenSource())
        {
            var push = station.PushAsync(stop.Token);
            await ackHold.Engaged;
            await stop.CancelAsync();
            await StationStops(push);
        }
        station.Restart();
        ackHold.Release(); // the acks reach a station that is gone
        var reports = await station.DrainAsync();

        Assert.True(reports[^1].Ok, reports[^1].Error);
        Assert.True(Duplicates() > 0, "nothing was delivered twice: the test proves nothing");
        Rig.AssertExactlyOnce(Describe(reports));
    }

    [SkippableFact]
    public async Task Envelopes_of_a_dead_connection_arriving_after_the_station_restarted_are_stored_once()
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenter();
        station.Produce(400);
        var stall = ConnectionFault.Delay(FlowDirection.Upstream, 12_000);
        Rig.Proxy.Enqueue(stall);

        using (var stop = new CancellationTokenSource())
        {
            var push = station.PushAsync(stop.Token);
            await stall.Engaged;
            await stop.CancelAsync();
            await StationStops(push);
        }
        station.Restart();
        var resend = station.PushAsync(); // sends again what the dead connection still holds
        stall.Release(); // ... while that reaches the center too
        var reports = new List<PushReport> { await resend };
        reports.AddRange(await station.DrainAsync());

        Rig.AssertExactlyOnce(Describe(reports));
    }

    [SkippableFact]
    public async Task Center_killed_mid_ingest_and_restarted_loses_and_duplicates_nothing()
    {
        var station = Rig.Station("dongshan");
        Rig.StartCenterProcess();
        station.Produce(800);
        var stall = ConnectionFault.Delay(FlowDirection.Upstream, 20_000);
        Rig.Proxy.Enqueue(stall);

        var push = station.PushAsync();
        await stall.Engaged;
        stall.Release(); // the rest of the backlog pours in ...
        Rig.KillCenter(); // ... and the center dies under it (SIGKILL)
        var first = await push;
        Rig.StartCenterProcess(); // on another port: the proxy follows it
        var reports = new List<PushReport> { first };
        reports.AddRange(await station.DrainAsync());

        Assert.False(first.Ok);
        Rig.AssertExactlyOnce(Describe(reports));
    }

    /// <summary>A push whose station stops: cancelled, as the gRPC client reports it (either exception).</summary>
    private static async Task StationStops(Task<PushReport> push)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => push);
        Assert.True(e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled }, e.ToString());
    }

    /// <summary>Envelopes the running center answered DUPLICATE since it started (its /metrics on the admin port).</summary>
    private long Duplicates()
    {
        var admin = AdminRunFile.Read(Rig.Run.DataDir) ?? throw new InvalidOperationException("no center is running");
        using var http = new HttpClient();
        var metrics = http.GetStringAsync(new Uri(admin.Url, "/metrics")).GetAwaiter().GetResult();
        var line = metrics.Split('\n').Single(l => l.StartsWith("edgestation_center_envelopes_total{status=\"duplicate\"}", StringComparison.Ordinal));
        return long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    private string Describe(IEnumerable<PushReport> reports) =>
        $"faults met: [{string.Join(", ", Rig.Proxy.Met)}]; pushes: [{string.Join(" | ", reports.Select(r => r.Ok ? $"ok {r.Acknowledged}/{r.Sent}" : $"{r.Acknowledged}/{r.Sent}: {r.Error}"))}]";
}
