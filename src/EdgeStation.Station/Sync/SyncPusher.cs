using System.Globalization;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.Client;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Grpc.Core;

namespace EdgeStation.Station.Sync;

/// <summary>
/// One push: opens the Push stream to the center over mutual TLS (the bundle's certificate, the center checked against
/// the bundle's CA only), sends what waits in the outbox oldest first with up to <see cref="Window"/> envelopes awaiting
/// their ack, and removes each envelope the center acknowledged (accepted, duplicate, or kept as an unknown kind) in
/// whatever order the acks come. A refused envelope stays, and the push stops sending there: the next push starts from it.
/// </summary>
public sealed class SyncPusher(OutboxStore outbox, TimeProvider time)
{
    /// <summary>Envelopes sent and not yet acknowledged at most: enough to fill a slow link, little memory.</summary>
    public const int Window = 256;

    /// <summary>How long a push waits for the acks of what it sent before it gives up (they are sent again next time).</summary>
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(30);

    private const int AckBatch = 64;

    public async Task<PushReport> PushOnceAsync(StationBundle bundle, CancellationToken cancel)
    {
        var at = time.GetUtcNow();
        using var channel = StationChannel.Create(bundle);
        var client = new StationSync.StationSyncClient(channel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var run = new PushRun(outbox, bundle.StationId);
        string? error = null;
        try
        {
            using var call = client.Push(cancellationToken: stop.Token);
            var reader = Task.Run(() => run.ReadAcksAsync(call, stop.Token), CancellationToken.None);
            try
            {
                await SendAsync(call, run, bundle.StationId, stop.Token);
                await call.RequestStream.CompleteAsync();
                // The center ends its side once it has answered everything it got; past the timeout the rest is resent.
                var finished = await Task.WhenAny(reader, Task.Delay(AckTimeout, time, stop.Token));
                if (run.Outstanding > 0 && run.ReaderError is null && run.Refusal is null)
                {
                    error = finished == reader
                        ? $"the center at {bundle.CenterEndpoint} ended the stream without acknowledging {run.Outstanding} envelope(s); they are sent again at the next push"
                        : $"the center at {bundle.CenterEndpoint} did not acknowledge {run.Outstanding} envelope(s) within {AckTimeout.TotalSeconds:0} s; they are sent again at the next push";
                }
            }
            finally
            {
                await stop.CancelAsync();
                try
                {
                    await reader;
                }
                catch (Exception ex) when (ex is OperationCanceledException || (ex is RpcException r && r.StatusCode == StatusCode.Cancelled))
                {
                    // stopped by us, above
                }
            }
        }
        catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or OperationCanceledException or InvalidOperationException
                                   && !cancel.IsCancellationRequested)
        {
            error ??= SyncErrorText.Describe(ex, bundle.CenterEndpoint);
        }
        finally
        {
            run.StoreAcks();
        }
        error ??= run.ReaderError is { } readerError ? SyncErrorText.Describe(readerError, bundle.CenterEndpoint) : run.Refusal;
        return new PushReport(run.Sent, run.Acknowledged, run.Refused, error, at, run.ClockOffsetMs);
    }

    private async Task SendAsync(AsyncDuplexStreamingCall<Envelope, Ack> call, PushRun run, string stationId, CancellationToken cancel)
    {
        var after = 0L;
        while (run.Refusal is null && run.ReaderError is null)
        {
            var page = outbox.Pending(after, Window);
            if (page.Count == 0)
            {
                return;
            }
            foreach (var e in page)
            {
                await run.WaitForRoomAsync(cancel);
                if (run.Refusal is not null || run.ReaderError is not null)
                {
                    return;
                }
                run.Sending(e.Seq);
                await call.RequestStream.WriteAsync(new Envelope
                {
                    StationId = stationId,
                    Seq = (ulong)e.Seq,
                    Kind = (EnvelopeKind)(int)e.Kind, // OutboxKind numbers are the wire's (SyncKinds pins it)
                    CreatedAt = e.CreatedAt.ToUnixTimeMilliseconds(),
                    ContractVersion = SyncContract.Version,
                    Payload = ByteString.CopyFrom(e.Payload),
                }, cancel);
                after = e.Seq;
            }
        }
    }

    /// <summary>The bookkeeping of one push, shared by the sending loop and the ack reader.</summary>
    private sealed class PushRun(OutboxStore outbox, string stationId)
    {
        private readonly Lock _gate = new();
        private readonly HashSet<long> _outstanding = [];
        private readonly List<long> _acked = [];
        private readonly SemaphoreSlim _room = new(Window);

        public int Sent { get; private set; }
        public int Acknowledged { get; private set; }
        public int Refused { get; private set; }
        public string? Refusal { get; private set; }
        public Exception? ReaderError { get; private set; }
        public long? ClockOffsetMs { get; private set; }

        public int Outstanding
        {
            get
            {
                lock (_gate)
                {
                    return _outstanding.Count;
                }
            }
        }

        public Task WaitForRoomAsync(CancellationToken cancel) => _room.WaitAsync(cancel);

        public void Sending(long seq)
        {
            lock (_gate)
            {
                _outstanding.Add(seq);
                Sent++;
            }
        }

        public async Task ReadAcksAsync(AsyncDuplexStreamingCall<Envelope, Ack> call, CancellationToken cancel)
        {
            try
            {
                var headers = await call.ResponseHeadersAsync;
                if (headers.GetValue("date") is { } date
                    && DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var centerTime))
                {
                    ClockOffsetMs = (long)(DateTimeOffset.UtcNow - centerTime).TotalMilliseconds; // HTTP dates are to the second
                }
                while (await call.ResponseStream.MoveNext(cancel))
                {
                    Take(call.ResponseStream.Current);
                }
            }
            catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException && !cancel.IsCancellationRequested)
            {
                ReaderError = ex;
            }
            finally
            {
                _room.Release(Window); // no more acks: the sender must not wait for room that will never come
            }
        }

        private void Take(Ack ack)
        {
            var seq = (long)ack.Seq;
            lock (_gate)
            {
                if (ack.StationId != stationId || !_outstanding.Remove(seq))
                {
                    return; // not ours, or acknowledged twice on this stream
                }
                if (ack.Status is AckStatus.Accepted or AckStatus.Duplicate or AckStatus.KeptUnknownKind)
                {
                    _acked.Add(seq);
                    Acknowledged++;
                }
                else
                {
                    Refused++;
                    Refusal ??= SyncErrorText.Refused(ack);
                }
            }
            _room.Release();
            if (_acked.Count >= AckBatch)
            {
                StoreAcks();
            }
        }

        /// <summary>Removes what the center acknowledged so far; a crash before this only means those are sent again.</summary>
        public void StoreAcks()
        {
            long[] batch;
            lock (_gate)
            {
                batch = [.. _acked];
                _acked.Clear();
            }
            if (batch.Length > 0)
            {
                outbox.Acknowledge(batch);
            }
        }
    }
}
