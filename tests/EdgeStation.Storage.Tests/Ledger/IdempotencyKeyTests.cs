using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Issue 15 item 3: a 503 whose batch was in the journal got replayed, so a client that retried stored the record
/// twice. A write's idempotency key is kept with its entry; a retry with the same key answers that entry.
/// </summary>
public class IdempotencyKeyTests
{
    private static IdempotentRequest Key(string key, string request = "digest-1", string actor = "test") =>
        new(actor, new RequestKey(key, request));

    [Fact]
    public async Task A_retry_with_the_same_key_answers_the_stored_entry_and_writes_nothing()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        var first = (await store.AppendAsync(Events.NewDispute(1), Key("k-1")))!;
        var again = (await store.AppendAsync(Events.NewDispute(1), Key("k-1")))!;

        Assert.False(first.Repeated);
        Assert.True(again.Repeated);
        Assert.Equal(first.Entry, again.Entry);
        Assert.Equal((first.Record!.Id, first.Record.LastSeq, first.Record.Status), (again.Record!.Id, again.Record.LastSeq, again.Record.Status));
        Assert.Equal(1, store.Head.Seq);
        Assert.Equal(1, store.RecordCount());
    }

    [Fact]
    public async Task The_same_key_twice_in_one_batch_stores_one_entry()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.AppendAsync(Events.NewDispute(1), Key("same"))));

        Assert.Single(results.Select(r => r!.Entry.Seq).Distinct());
        Assert.Equal(1, store.RecordCount());
    }

    [Fact]
    public async Task The_key_is_kept_in_the_entry_content()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        var stored = (await store.AppendAsync(Events.NewDispute(1), Key("k-1")))!;

        Assert.Contains("\"idempotency\":{\"key\":\"k-1\",\"request\":\"digest-1\"}", stored.Entry.Content, StringComparison.Ordinal);
        Assert.Equal(new RequestKey("k-1", "digest-1"), RecordEventCodec.Decode(stored.Entry.Content).Request);
        Assert.True(LedgerVerifier.Verify(store.Entries()).Ok);
    }

    [Fact]
    public async Task A_key_reused_for_another_request_is_refused_and_writes_nothing()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        await store.AppendAsync(Events.NewDispute(1), Key("k-1", "digest-1"));

        var ex = await Assert.ThrowsAsync<IdempotencyConflictException>(() => store.AppendAsync(Events.NewDispute(2), Key("k-1", "digest-2")));

        Assert.Equal(1, ex.Seq);
        Assert.Equal(1, store.Head.Seq);
    }

    [Fact]
    public async Task Keys_are_per_actor()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        await store.AppendAsync(Events.NewDispute(1), Key("k-1", actor: "test"));
        var other = await store.AppendAsync(Events.NewDispute(1), Key("k-1", actor: "user:li"));

        Assert.False(other!.Repeated);
        Assert.Equal(2, store.Head.Seq);
    }

    [Fact]
    public async Task Regression_a_retry_after_the_entry_was_replayed_from_the_journal_does_not_store_it_twice()
    {
        using var dir = new TempDir();
        var db = dir.File(LedgerStore.FileName);
        var journal = dir.File(LedgerJournal.FileName);
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.Append(Events.NewDispute(0));
        }
        File.Copy(db, dir.File("older.db"));
        AppendResult first;
        using (var store = LedgerStore.Open(dir.Path))
        {
            first = (await store.AppendAsync(Events.NewDispute(1), Key("k-1")))!;
            File.Copy(journal, dir.File("journal.copy"));
        }
        // The database lost the commit (as when LiteDB refused it); the journal holds it.
        File.Copy(dir.File("older.db"), db, overwrite: true);
        File.Copy(dir.File("journal.copy"), journal, overwrite: true);

        using var recovered = LedgerStore.Open(dir.Path);
        var retry = (await recovered.AppendAsync(Events.NewDispute(1), Key("k-1")))!;

        Assert.Equal(1, recovered.RecoveredEntries);
        Assert.True(retry.Repeated);
        Assert.Equal(first.Entry.Seq, retry.Entry.Seq);
        Assert.Equal(first.Record!.Id, retry.Record!.Id);
        Assert.Equal(2, recovered.RecordCount());
    }
}
