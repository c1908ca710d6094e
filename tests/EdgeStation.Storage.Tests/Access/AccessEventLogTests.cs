using EdgeStation.Domain.Doors;
using EdgeStation.Storage.Access;
using EdgeStation.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Storage.Tests.Access;

public sealed class AccessEventLogTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private AccessEvent Granted(string card) =>
        new(_time.GetUtcNow(), 1, AccessEventKind.Granted, "Granted") { Person = "P-000001", Card = card, Direction = "in", Source = "front" };

    [Fact]
    public void Queued_events_are_written_to_their_own_file_and_read_back_newest_first()
    {
        using (var log = new AccessEventLog(_dir.Path, _time))
        {
            Assert.True(log.Enqueue(Granted("1:7")));
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.True(log.Enqueue(Granted("1:8") with { Kind = AccessEventKind.Refused, Reason = "UnknownCard", Person = null }));
            Assert.Equal(2, log.WriteQueued());
            Assert.Equal((2L, 0), (log.Stats.Written, log.Stats.Waiting));
        }
        Assert.True(File.Exists(Path.Combine(_dir.Path, AccessEventLog.FileName)));
        using var reopened = new AccessEventLog(_dir.Path, _time);
        var events = reopened.Recent(10);
        Assert.Equal(["1:8", "1:7"], events.Select(e => e.Event.Card));
        Assert.Equal(Granted("1:7") with { At = _time.GetUtcNow().AddSeconds(-1) }, events[1].Event);
        Assert.Null(events[0].Event.Person);
    }

    [Fact]
    public void Full_queue_drops_and_counts_what_did_not_fit()
    {
        using var log = new AccessEventLog(_dir.Path, _time, capacity: 3);
        var accepted = Enumerable.Range(1, 5).Count(i => log.Enqueue(Granted($"1:{i}")));
        Assert.Equal(3, accepted);
        Assert.Equal((2L, 3), (log.Stats.Dropped, log.Stats.Waiting));
        log.WriteQueued();
        Assert.Equal(["1:3", "1:2", "1:1"], log.Recent(10).Select(e => e.Event.Card));
    }

    [Fact]
    public void File_held_by_another_process_keeps_events_waiting_until_released()
    {
        using (var first = new AccessEventLog(_dir.Path, _time))
        {
            first.Enqueue(Granted("1:1"));
            first.WriteQueued();
        }
        using var log = new AccessEventLog(_dir.Path, _time);
        var holder = new FileStream(Path.Combine(_dir.Path, AccessEventLog.FileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        log.Enqueue(Granted("1:2"));
        Assert.Equal(0, log.WriteQueued());
        Assert.Equal((1L, 1), (log.Stats.WriteFailures, log.Stats.Waiting));
        Assert.NotNull(log.Stats.LastError);
        Assert.Throws<StorageEnvironmentException>(() => log.Recent(10));
        holder.Dispose();
        Assert.Equal(1, log.WriteQueued());
        Assert.Null(log.Stats.LastError);
        Assert.Equal(["1:2", "1:1"], log.Recent(10).Select(e => e.Event.Card));
    }

    [Fact]
    public void Below_the_free_space_reserve_nothing_reaches_LiteDB_and_the_events_wait()
    {
        // No disk has this much free: the reserve refuses every write, as on a disk filled to the reserve.
        using var log = new AccessEventLog(_dir.Path, _time, reserveBytes: long.MaxValue / 2);
        log.Enqueue(Granted("1:1"));

        Assert.Equal(0, log.WriteQueued());

        Assert.False(File.Exists(Path.Combine(_dir.Path, AccessEventLog.FileName)));
        Assert.Equal((1, 1L, 0L), (log.Stats.Waiting, log.Stats.WriteFailures, log.Stats.Dropped));
        Assert.StartsWith("disk full: ", log.Stats.LastError, StringComparison.Ordinal);
        Assert.Contains("KB kept for the ledger and the access event log", log.Stats.LastError, StringComparison.Ordinal);
        Assert.Empty(log.Recent(10));
    }

    [Fact]
    public void Reading_a_log_nothing_was_written_to_creates_no_file()
    {
        using var log = new AccessEventLog(_dir.Path, _time);

        Assert.Empty(log.Recent(10));
        Assert.False(File.Exists(Path.Combine(_dir.Path, AccessEventLog.FileName)));
    }

    [Fact]
    public void The_default_reserve_is_larger_than_the_ledgers_so_a_filling_disk_stops_the_door_log_first()
    {
        using var log = new AccessEventLog(_dir.Path, _time);

        Assert.True(log.ReserveBytes > Storage.Ledger.LedgerStore.ReserveBytes);
    }

    [Fact]
    public void Purge_removes_events_older_than_the_retention_only()
    {
        using var log = new AccessEventLog(_dir.Path, _time, retention: TimeSpan.FromDays(180));
        log.Enqueue(Granted("1:old"));
        _time.Advance(TimeSpan.FromDays(100));
        log.Enqueue(Granted("1:new"));
        log.WriteQueued();
        _time.Advance(TimeSpan.FromDays(81)); // the first is 181 days old, the second 81
        Assert.Equal(1, log.Purge());
        Assert.Equal(["1:new"], log.Recent(10).Select(e => e.Event.Card));
    }

    [Fact]
    public void Recent_filters_by_door_and_stops_at_since()
    {
        using var log = new AccessEventLog(_dir.Path, _time);
        log.Enqueue(Granted("1:1"));
        _time.Advance(TimeSpan.FromHours(1));
        var since = _time.GetUtcNow();
        log.Enqueue(Granted("1:2") with { Door = 2 });
        log.Enqueue(Granted("1:3"));
        log.WriteQueued();
        Assert.Equal(["1:3"], log.Recent(10, since, door: 1).Select(e => e.Event.Card));
        Assert.Equal(["1:3", "1:2"], log.Recent(10, since).Select(e => e.Event.Card));
    }

    [Fact]
    public async Task Writer_loop_writes_what_is_left_when_stopped()
    {
        using var log = new AccessEventLog(_dir.Path, _time);
        using var stop = new CancellationTokenSource();
        log.Enqueue(Granted("1:1"));
        stop.Cancel();
        await log.RunAsync(stop.Token);
        Assert.Equal(1L, log.Stats.Written);
    }
}
