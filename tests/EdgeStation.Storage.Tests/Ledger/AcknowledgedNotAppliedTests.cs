using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Workflows;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Issue 19: an append is acknowledged once its batch is fsync'ed in the journal, before LiteDB has it. The writer is held
/// in that window (<see cref="LedgerStore.Acknowledged"/>): every read must already show the entry, and the files as they
/// stand then (what kill -9 would leave) must reopen with it.
/// </summary>
public sealed class AcknowledgedNotAppliedTests : IDisposable
{
    private const string Hash = "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private readonly TempDir _dir = new();
    private readonly TempDir _crash = new();
    private readonly ManualResetEventSlim _release = new();
    private readonly LedgerStore _store;
    private readonly SemaphoreSlim _held = new(0);

    public AcknowledgedNotAppliedTests()
    {
        _store = LedgerStore.Open(_dir.Path);
        _store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
        _store.Append(Events.NewDispute(1));
        _store.Append(_ => null); // answered once the applier wrote both into LiteDB: below, only the held batch is unapplied
        _ = _store.Summaries();
    }

    public void Dispose()
    {
        _release.Set();
        _store.Dispose();
        _dir.Dispose();
        _crash.Dispose();
        _release.Dispose();
        _held.Dispose();
    }

    /// <summary>The next batch holds the writer after its acknowledgement until <see cref="_release"/> is set.</summary>
    private void HoldNextBatch(Action? whileHeld = null)
    {
        var armed = true;
        _store.CallerCommits = false; // the writer thread is held, and the caller goes on
        _store.Acknowledged = () =>
        {
            if (!armed)
            {
                return;
            }
            armed = false;
            whileHeld?.Invoke();
            _held.Release();
            _release.Wait(TimeSpan.FromSeconds(60));
        };
    }

    [Fact]
    public async Task Every_read_shows_an_acknowledged_entry_before_LiteDB_has_it()
    {
        HoldNextBatch();
        var created = await _store.AppendAsync(Events.NewDispute(2));
        Assert.True(await _held.WaitAsync(TimeSpan.FromSeconds(60)));
        var head = new LedgerHead(created!.Entry.Seq, created.Entry.Hash);

        Assert.Equal(head, _store.Head);
        Assert.True(_store.IsEntryOf(head));
        Assert.Equal("DS-2026-0002", _store.Find("DS-2026-0002")!.Id);
        Assert.Equal(["DS-2026-0001", "DS-2026-0002"], _store.Records().Select(r => r.Id));
        Assert.Equal(["DS-2026-0001", "DS-2026-0002"], _store.Records(RecordType.Dispute).Select(r => r.Id));
        Assert.Empty(_store.Records(RecordType.Petition));
        Assert.Equal([1L, 2, 3], _store.Entries().Select(e => e.Seq));
        Assert.Equal(created.Entry.Hash, Assert.Single(_store.History("DS-2026-0002")).Entry.Hash);
        Assert.Equal(2, _store.RecordCount(RecordType.Dispute));
        Assert.Equal(2, _store.Summaries().Count);

        _release.Set();
        await _store.AppendAsync(_ => null); // the writer is past the held batch: LiteDB has it now
        Assert.Equal(["DS-2026-0001", "DS-2026-0002"], _store.Records().Select(r => r.Id));
        Assert.Equal(3, _store.Entries().Count());
    }

    [Fact]
    public async Task An_entry_changed_again_is_read_as_acknowledged()
    {
        HoldNextBatch();
        var transition = await _store.AppendAsync(view =>
            Events.Commands.Transition(view.Find("DS-2026-0001")!, "assess", new TransitionInput { Risk = "red" }, "test", Events.T0.AddHours(1)));
        Assert.True(await _held.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(transition!.Record!.LastSeq, _store.Find("DS-2026-0001")!.LastSeq);
        Assert.Equal(transition.Record.LastSeq, _store.Records().Single().LastSeq);
        Assert.Equal(2, _store.History("DS-2026-0001").Count());
    }

    [Fact]
    public async Task Files_left_by_a_crash_after_the_acknowledgement_reopen_with_the_entry()
    {
        HoldNextBatch(whileHeld: () => CopyFiles(_dir.Path, _crash.Path));
        var created = await _store.AppendAsync(Events.NewDispute(2));
        Assert.True(await _held.WaitAsync(TimeSpan.FromSeconds(60)));

        using var recovered = LedgerStore.Open(_crash.Path);
        Assert.Equal(created!.Entry.Seq, recovered.Head.Seq);
        Assert.Equal(created.Entry.Hash, recovered.Head.Hash);
        Assert.Equal(1, recovered.RecoveredEntries);
        Assert.NotNull(recovered.Find("DS-2026-0002"));
        Assert.True(LedgerVerifier.Verify(recovered.Entries()).Ok);
        Assert.Null(recovered.StateProblem);
        var next = await recovered.AppendAsync(Events.NewDispute(3));
        Assert.Equal("DS-2026-0003", next!.Event.RecordId); // the recovered create's number is taken
    }

    [Fact]
    public async Task A_builder_that_throws_leaves_no_side_write_and_a_later_builder_of_the_batch_sees_an_earlier_ones()
    {
        var users = new UserStore(_store);
        var gate = new ManualResetEventSlim();
        _store.CallerCommits = false;
        // Hold the writer thread so that the three appends below land in one batch.
        var blocker = _store.AppendAsync(_ =>
        {
            gate.Wait(TimeSpan.FromSeconds(60));
            return null;
        });
        var first = users.AddAsync("wang", Role.Admin, null, Hash, "cli:root", Events.T0);
        var duplicate = users.AddAsync("WANG", Role.Viewer, null, Hash, "cli:root", Events.T0);
        var second = users.AddAsync("li", Role.Viewer, null, Hash, "cli:root", Events.T0);
        gate.Set();
        await blocker;
        await first;
        await Assert.ThrowsAnyAsync<Exception>(() => duplicate); // sees the first add of the same batch
        await second;

        Assert.Equal(Role.Admin, users.Find("wang")!.Role);
        Assert.Equal(["li", "wang"], users.All().Select(u => u.Name));
        Assert.Equal(2, _store.Entries().Count(e => e.RecordId.StartsWith("user:", StringComparison.Ordinal)));
        gate.Dispose();
    }

    private static void CopyFiles(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            var name = Path.GetFileName(file);
            if (name != "station.lock")
            {
                File.Copy(file, Path.Combine(to, name), overwrite: true);
            }
        }
    }
}
