using System.Threading.Channels;
using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Ingest;

/// <summary>
/// Group commit across streams: every open stream hands its batch here and awaits the acks; one writer takes what
/// all streams handed in meanwhile (up to <see cref="MaxGroup"/> envelopes) and stores it in one transaction
/// (<see cref="IngestService.IngestAll"/>). Two thousand stations each sending a few envelopes then share a few
/// commits instead of queueing for one each, and no request thread is blocked waiting for the store's write lock
/// (which starved the thread pool: handshakes timed out behind it). A stream has at most one batch waiting, so the
/// queue is bounded by the number of open streams.
/// </summary>
public sealed class IngestQueue : IDisposable
{
    /// <summary>At most this many envelopes per transaction: bounds its memory and the wait of the first ack in it.</summary>
    public const int MaxGroup = 2048;

    private readonly IngestService _ingest;
    private readonly Channel<PendingBatch> _pending = Channel.CreateUnbounded<PendingBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public IngestQueue(IngestService ingest)
    {
        _ingest = ingest;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Stores the batch together with whatever the other streams handed in, and answers its envelopes in order.</summary>
    public Task<IReadOnlyList<Ack>> Ingest(string stationId, IReadOnlyList<Envelope> envelopes, CancellationToken cancel)
    {
        var pending = new PendingBatch(new IngestBatch(stationId, [.. envelopes]));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("the center is stopping");
        }
        return pending.Done.Task.WaitAsync(cancel);
    }

    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private async Task WriteAsync()
    {
        var group = new List<PendingBatch>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var envelopes = 0;
            while (envelopes < MaxGroup && _pending.Reader.TryRead(out var next))
            {
                group.Add(next);
                envelopes += next.Batch.Envelopes.Count;
            }
            try
            {
                Answer(group, _ingest.IngestAll([.. group.Select(p => p.Batch)]));
            }
            catch (Exception) when (group.Count > 1)
            {
                // Not a store failure (those are answered CENTER_UNAVAILABLE inside): one stream's fault must not fail
                // the others, so each batch goes again in a transaction of its own.
                foreach (var p in group)
                {
                    Store(p);
                }
            }
            catch (Exception e)
            {
                group[0].Done.TrySetException(e);
            }
        }
    }

    private void Store(PendingBatch p)
    {
        try
        {
            p.Done.TrySetResult(_ingest.IngestAll([p.Batch])[0]);
        }
        catch (Exception e)
        {
            p.Done.TrySetException(e);
        }
    }

    private static void Answer(List<PendingBatch> group, IReadOnlyList<Ack>[] acks)
    {
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Done.TrySetResult(acks[i]);
        }
    }
}
