using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Issue 19, the intermittent test hang: an append that passed <see cref="LedgerStore.AppendAsync"/>'s fault check in the
/// instant before a fault began was queued after the writer had refused what was waiting, and then waited for the
/// writer's next retry. On a fake clock nobody advances that is for ever (a test awaiting it hung); on the system clock,
/// up to <see cref="LedgerStore.MaxRetryDelay"/> behind a fault that /healthz already reported.
/// </summary>
public sealed class AppendDuringFaultTests : IDisposable
{
    // A guard so that the old code fails the test instead of hanging it; never a pause.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(Events.T0);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Regression_an_append_let_through_as_a_fault_began_waited_for_the_retry()
    {
        using var store = LedgerStore.Open(_dir.Path, time: _clock);
        store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });

        // The late append stops between the checks and the queue until the writer waits for its retry.
        var letThrough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queueIt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        store.Enqueuing = () =>
        {
            if (Interlocked.Exchange(ref held, 1) == 0)
            {
                letThrough.SetResult();
                queueIt.Task.Wait(Guard);
            }
        };
        var late = Task.Run(() => store.AppendAsync(Events.NewDispute(1)));
        await letThrough.Task.WaitAsync(Guard);

        var refuseOnce = 0;
        store.FaultInjection = p => p == FaultPoint.Journal && Interlocked.Exchange(ref refuseOnce, 1) == 0
            ? new IOException("injected: the disk refused the write")
            : null;
        await Assert.ThrowsAsync<StorageEnvironmentException>(() => store.AppendAsync(Events.NewDispute(2)));
        while (true)
        {
            var changed = store.FaultChanged;
            if (store.Fault?.NextAttemptAt is not null)
            {
                break; // the writer refused what was queued and now waits for the retry
            }
            await changed.WaitAsync(Guard);
        }

        queueIt.SetResult();
        var refused = await Assert.ThrowsAsync<StorageEnvironmentException>(() => late.WaitAsync(Guard));
        Assert.Contains("cannot be written now", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Fault!.Attempts); // answered at once, not by a retry (the clock never moved)
        Assert.Equal(1, store.Head.Seq);
    }
}
