using CsCheck;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Station.Sync;
using Grpc.Core;
using Xunit.Abstractions;

namespace EdgeStation.Center.Tests.Faults;

/// <summary>
/// Random fault schedules between the real sync client and a real center: whatever the links do (refused, reset or cut
/// at any byte either way, stalled, dropped, a station restarting while its bytes are still on the wire), once the
/// faults stop every envelope is held exactly once. CsCheck prints the seed of a failing schedule
/// (CsCheck_Seed=… reruns it). One center for all samples, a new village per sample.
/// </summary>
public sealed class ExactlyOnceProperty(ITestOutputHelper output) : IDisposable
{
    private readonly FaultRig _rig = new();
    private int _sample;

    public void Dispose() => _rig.Dispose();

    private static readonly Gen<FaultScheduleStep> Step = Gen.Select(
        Gen.Enum<FaultKind>(), Gen.Enum<FlowDirection>(), Gen.Int[0, 24_000], Gen.Int[0, 3],
        (kind, direction, after, restart) => new FaultScheduleStep(kind, direction, after, restart == 0 && kind == FaultKind.Delay));

    [Fact]
    public async Task Any_fault_schedule_ends_with_every_envelope_held_exactly_once()
    {
        _rig.StartCenter();
        var samples = Gen.Select(Gen.Int[1, 150], Step.Array[0, 5]);

        await samples.SampleAsync(async (count, schedule) =>
        {
            var station = _rig.Station($"village-{++_sample}");
            station.Produce(count);
            var reports = await DrainThrough(station, schedule);

            var listed = _rig.Listed()[station.Bundle.StationId];
            var why = $"{count} envelopes, schedule [{string.Join(", ", schedule.AsEnumerable())}], pushes [{string.Join(" | ", reports.Select(r => r.Ok ? $"ok {r.Acknowledged}" : r.Error))}]";
            Assert.True(station.Outbox.Status().Depth == 0, $"outbox not drained: {why}");
            Assert.True(count == listed.GetProperty("envelopes").GetInt64(), $"the center stored {listed.GetProperty("envelopes").GetInt64()}: {why}");
        }, iter: 15, threads: 1, writeLine: output.WriteLine);

        _rig.AssertExactlyOnce($"{_sample} villages");
    }

    /// <summary>Pushes until drained; the schedule's faults meet its first connections, then links pass.</summary>
    private async Task<List<PushReport>> DrainThrough(RigStation station, FaultScheduleStep[] schedule)
    {
        var faults = schedule.Select(s => (Step: s, Fault: s.Fault())).ToList();
        _rig.Proxy.Clear();
        _rig.Proxy.Enqueue([.. faults.Select(f => f.Fault)]);
        CancellationTokenSource? current = null;
        foreach (var (step, fault) in faults)
        {
            if (step.RestartStation)
            {
                _ = fault.Engaged.ContinueWith(_ => current?.Cancel(), TaskScheduler.Default); // released after the restart
            }
            else if (step.Kind is FaultKind.Delay or FaultKind.Drop)
            {
                _ = fault.Engaged.ContinueWith(_ => fault.Release(), TaskScheduler.Default);
            }
        }
        var reports = new List<PushReport>();
        for (var push = 0; station.Outbox.Status().Depth > 0 && push < schedule.Length + 4; push++)
        {
            current = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a safety net against a hang, never reached when all is well
            try
            {
                reports.Add(await station.PushAsync(current.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                Assert.True(faults.Any(f => f.Step.RestartStation && f.Fault.Engaged.IsCompleted), "a push hung for a minute");
                station.Restart();
                foreach (var (_, fault) in faults.Where(f => f.Step.RestartStation && f.Fault.Engaged.IsCompleted))
                {
                    fault.Release(); // its bytes reach the center after the station came back
                }
            }
        }
        return reports;
    }
}
