using EdgeStation.Storage.Outbox;
using EdgeStation.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Storage.Tests.Outbox;

public class OutboxStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);

    private static byte[] Payload(int bytes, byte fill = 1) => Enumerable.Repeat(fill, bytes).ToArray();

    [Fact]
    public void Seqs_are_gapless_from_one_and_pending_is_oldest_first()
    {
        using var dir = new TempDir();
        using var outbox = OutboxStore.Open(dir.Path, time: _clock);

        var seqs = new List<long>();
        foreach (var kind in new[] { OutboxKind.HourlySummary, OutboxKind.LedgerDigests, OutboxKind.Health, OutboxKind.DailyClose })
        {
            seqs.Add(outbox.Enqueue(kind, Payload(10, (byte)kind)).Seq);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([1L, 2, 3, 4], seqs);
        var pending = outbox.Pending();
        Assert.Equal([1L, 2, 3, 4], pending.Select(e => e.Seq));
        Assert.Equal([OutboxKind.HourlySummary, OutboxKind.LedgerDigests, OutboxKind.Health, OutboxKind.DailyClose], pending.Select(e => e.Kind));
        Assert.Equal(T0, pending[0].CreatedAt);
        Assert.Equal(Payload(10, (byte)OutboxKind.Health), pending[2].Payload);
        Assert.Equal([3L, 4], outbox.Pending(afterSeq: 2).Select(e => e.Seq));
    }

    [Fact]
    public void Acks_out_of_order_remove_exactly_those_entries_and_duplicates_change_nothing()
    {
        using var dir = new TempDir();
        using var outbox = OutboxStore.Open(dir.Path, time: _clock);
        for (var i = 0; i < 5; i++)
        {
            outbox.Enqueue(OutboxKind.HourlySummary, Payload(100));
        }

        Assert.Equal(2, outbox.Acknowledge([4, 2]));
        Assert.Equal(0, outbox.Acknowledge([2, 4, 99, 0, -1])); // again, never issued, nonsense
        Assert.Equal(1, outbox.Acknowledge([1]));

        Assert.Equal([3L, 5], outbox.Pending().Select(e => e.Seq));
        var status = outbox.Status();
        Assert.Equal(2, status.Depth);
        Assert.Equal(2 * (100 + OutboxStore.EntryOverheadBytes), status.Bytes);
        Assert.Equal(3, status.OldestPendingSeq);
        Assert.Equal(4, status.LastAckSeq); // the highest seq ever acknowledged, not the last one heard
    }

    [Fact]
    public void The_seq_goes_on_after_every_entry_was_acknowledged_and_the_outbox_reopened()
    {
        using var dir = new TempDir();
        using (var outbox = OutboxStore.Open(dir.Path, time: _clock))
        {
            outbox.Enqueue(OutboxKind.Health, Payload(5));
            outbox.Enqueue(OutboxKind.Health, Payload(5));
            outbox.Acknowledge([1, 2]);
        }
        using var reopened = OutboxStore.Open(dir.Path, time: _clock);

        Assert.Equal(3, reopened.Enqueue(OutboxKind.Health, Payload(5)).Seq);
        Assert.Equal(1, reopened.Status().Depth);
    }

    [Fact]
    public void After_a_restart_pending_resumes_from_the_oldest_unacknowledged_in_order()
    {
        using var dir = new TempDir();
        using (var outbox = OutboxStore.Open(dir.Path, time: _clock))
        {
            for (var i = 0; i < 6; i++)
            {
                outbox.Enqueue(OutboxKind.LedgerDigests, Payload(20, (byte)i));
            }
            outbox.Acknowledge([1, 2, 4]);
        }
        using var reopened = OutboxStore.Open(dir.Path, time: _clock);

        var pending = reopened.Pending();
        Assert.Equal([3L, 5, 6], pending.Select(e => e.Seq));
        Assert.Equal(Payload(20, 2), pending[0].Payload);
        Assert.Equal(3, reopened.Status().Depth);
        Assert.Equal(4, reopened.Status().LastAckSeq);
    }

    [Fact]
    public void A_full_outbox_drops_the_oldest_health_entries_first()
    {
        using var dir = new TempDir();
        const int capacity = 64 * 1024;
        using var outbox = OutboxStore.Open(dir.Path, capacity, _clock);
        var entry = 8 * 1024 - OutboxStore.EntryOverheadBytes; // each entry counts 8 KiB: eight fill the outbox
        outbox.Enqueue(OutboxKind.Health, Payload(entry));         // 1
        outbox.Enqueue(OutboxKind.LedgerDigests, Payload(entry));  // 2
        outbox.Enqueue(OutboxKind.Health, Payload(entry));         // 3
        for (var i = 0; i < 5; i++)
        {
            outbox.Enqueue(OutboxKind.HourlySummary, Payload(entry)); // 4..8
        }
        Assert.Equal(capacity, outbox.Status().Bytes);

        var summary = outbox.Enqueue(OutboxKind.HourlySummary, Payload(entry));
        var health = outbox.Enqueue(OutboxKind.Health, Payload(entry));

        Assert.Equal(new EnqueueResult(9, 1), summary);
        Assert.Equal(new EnqueueResult(10, 1), health);
        Assert.Equal([2L, 4, 5, 6, 7, 8, 9, 10], outbox.Pending().Select(e => e.Seq));
        var status = outbox.Status();
        Assert.Equal(2, status.DroppedHealth);
        Assert.False(status.Full);
        Assert.Equal(capacity, status.Bytes);
    }

    [Fact]
    public void A_full_outbox_without_health_refuses_a_summary_raises_the_alarm_and_keeps_the_cursor()
    {
        using var dir = new TempDir();
        const int capacity = 64 * 1024;
        using var outbox = OutboxStore.Open(dir.Path, capacity, _clock);
        var entry = 8 * 1024 - OutboxStore.EntryOverheadBytes;
        for (var i = 1; i <= 8; i++)
        {
            Assert.False(outbox.Enqueue(OutboxKind.LedgerDigests, Payload(entry), new ProducerCursor("digests", i)).Refused);
        }
        _clock.Advance(TimeSpan.FromHours(1));

        var refused = outbox.Enqueue(OutboxKind.LedgerDigests, Payload(entry), new ProducerCursor("digests", 9));

        Assert.True(refused.Refused);
        Assert.Equal(8, outbox.Cursor("digests"));
        var status = outbox.Status();
        Assert.True(status.Full);
        Assert.Equal(T0.AddHours(1), status.FullSince);
        Assert.Equal(8, status.Depth);
        Assert.Equal(1, status.RefusedEnqueues);
        Assert.Equal(0, status.DroppedHealth);
        Assert.True(outbox.Enqueue(OutboxKind.Health, Payload(10)).Refused); // health never pushes out a digest

        outbox.Acknowledge([1]);
        Assert.Equal(9, outbox.Enqueue(OutboxKind.LedgerDigests, Payload(entry), new ProducerCursor("digests", 9)).Seq);
        Assert.False(outbox.Status().Full);
        Assert.Equal(9, outbox.Cursor("digests"));
    }

    [Fact]
    public void The_full_alarm_survives_a_restart_and_health_alone_does_not_end_it()
    {
        using var dir = new TempDir();
        const int capacity = 64 * 1024;
        var entry = 16 * 1024 - OutboxStore.EntryOverheadBytes;
        using (var outbox = OutboxStore.Open(dir.Path, capacity, _clock))
        {
            for (var i = 0; i < 4; i++)
            {
                outbox.Enqueue(OutboxKind.DailyClose, Payload(entry));
            }
            Assert.True(outbox.Enqueue(OutboxKind.DailyClose, Payload(entry)).Refused);
            outbox.Acknowledge([1]);
            Assert.False(outbox.Enqueue(OutboxKind.Health, Payload(10)).Refused);
        }
        using var reopened = OutboxStore.Open(dir.Path, capacity, _clock);

        Assert.True(reopened.Status().Full);
        Assert.Equal(T0, reopened.Status().FullSince);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Outbox_files_are_owner_only()
    {
        using var dir = new TempDir();
        using var outbox = OutboxStore.Open(dir.Path, time: _clock);
        outbox.Enqueue(OutboxKind.Health, Payload(10));

        foreach (var name in new[] { OutboxStore.FileName, OutboxStore.LockFileName })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.File(name)));
        }
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_writing_start_tightens_an_outbox_found_open_to_others()
    {
        using var dir = new TempDir();
        using (var outbox = OutboxStore.Open(dir.Path, time: _clock))
        {
            outbox.Enqueue(OutboxKind.Health, Payload(10));
        }
        File.SetUnixFileMode(dir.File(OutboxStore.FileName), (UnixFileMode)0b110_100_100);

        var changed = EdgeStation.Storage.Station.DataDirAccess.Tighten(dir.Path);

        Assert.Contains($"{OutboxStore.FileName} 0644 → 0600", changed);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.File(OutboxStore.FileName)));
    }

    [Fact]
    public void A_second_open_of_the_same_outbox_is_refused_as_in_use()
    {
        using var dir = new TempDir();
        using var outbox = OutboxStore.Open(dir.Path, time: _clock);

        var ex = Assert.Throws<StorageEnvironmentException>(() => OutboxStore.Open(dir.Path, time: _clock));
        Assert.Contains("in use", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_outbox_is_refused_and_left_as_it_was()
    {
        using var dir = new TempDir();
        var garbage = Enumerable.Range(0, 9000).Select(i => (byte)i).ToArray();
        File.WriteAllBytes(dir.File(OutboxStore.FileName), garbage);

        Assert.Throws<StorageEnvironmentException>(() => OutboxStore.Open(dir.Path, time: _clock));
        Assert.Equal(garbage, File.ReadAllBytes(dir.File(OutboxStore.FileName)));
    }
}
