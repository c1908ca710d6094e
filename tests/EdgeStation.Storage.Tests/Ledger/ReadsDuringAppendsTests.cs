using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Readers on other threads while the writer appends, commits and checkpoints: every read succeeds and shows a
/// consistent prefix of the ledger. Guards the LiteDB version we ship: 5.0.21 writes its log from the committing thread
/// (no background writer), and upstream reports an intermittent "ReadFull must read PAGE_SIZE bytes" when a reader's
/// file stream reads a page the writer's stream has not flushed (LiteDB issue 2523).
/// </summary>
public sealed class ReadsDuringAppendsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_on_four_threads_during_3000_appends_never_fail_and_never_go_back()
    {
        using var store = LedgerStore.Open(_dir.Path);
        store.Append(_ => new Domain.Records.RecordEvent { Type = Domain.Records.RecordEvent.StationType, RecordId = "station", Action = Domain.Records.RecordEvent.StationInit, Actor = "test", At = Events.T0 });
        using var stop = new CancellationTokenSource();
        using var reading = new CountdownEvent(4); // the appends start once every reader is reading
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(() =>
        {
            long reads = 0;
            long lastHead = 0;
            while (!stop.IsCancellationRequested)
            {
                var head = store.Head.Seq;
                Assert.True(head >= lastHead, $"the head went back from {lastHead} to {head}");
                lastHead = head;
                if (head > 1)
                {
                    var id = $"DS-2026-{Random.Shared.NextInt64(1, head):D4}";
                    Assert.NotNull(store.Find(id));
                    Assert.NotEmpty(store.History(id));
                }
                if (r == 0 && reads % 50 == 0)
                {
                    var seqs = store.Entries().Select(e => e.Seq).ToList();
                    Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
                    Assert.True(seqs.Count >= head, $"Entries() shows {seqs.Count} entries, the head was at {head} before");
                }
                if (++reads == 1)
                {
                    reading.Signal();
                }
            }
            return reads;
        })).ToList();

        Assert.True(reading.Wait(TimeSpan.FromSeconds(60)), "the readers did not start");
        var appends = Enumerable.Range(0, 3000).Select(i => store.AppendAsync(Events.NewDispute(i))).ToList();
        await Task.WhenAll(appends);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(store.JournalCheckpointCount > 0, "the appends never reached a checkpoint");
        Assert.True(LedgerVerifier.Verify(store.Entries()).Ok);
    }
}
