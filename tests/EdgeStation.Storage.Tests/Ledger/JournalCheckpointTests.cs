using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>Issue 15: the journal grew until a clean stop (2.2 MB after 4,200 appends) and was read whole on start.</summary>
public class JournalCheckpointTests
{
    private static readonly string LongSummary = "村民反映宅基地边界纠纷，" + new string('争', 300);

    [Fact]
    public void Regression_the_journal_grew_until_a_clean_stop()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        store.AppendMany(Enumerable.Range(0, 1500).Select(i => (Func<ILedgerView, Domain.Records.RecordEvent?>)(view =>
            Events.Dispute(view.NextRecordId(Domain.Records.RecordType.Dispute, 2026), i, LongSummary))));
        store.Append(Events.NewDispute(9999)); // the writer is sequential: any checkpoint due has run before this one

        // The file is written full of zeros ahead of use: what counts is the entries it holds, and that it stays that size.
        var file = File.ReadAllBytes(dir.File(LedgerJournal.FileName));
        var entries = Array.IndexOf(file, (byte)0) is var end and >= 0 ? end : file.Length;
        Assert.True(store.JournalCheckpointCount >= 2, $"{store.JournalCheckpointCount} checkpoints");
        Assert.True(entries < LedgerStore.JournalCheckpointBytes + 64 * 1024, $"journal holds {entries} bytes of entries");
        Assert.True(file.Length <= LedgerJournal.PreallocatedBytes, $"journal file is {file.Length} bytes");
        Assert.All(file[entries..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Entries_before_and_after_a_checkpoint_survive_reopening()
    {
        using var dir = new TempDir();
        LedgerHead head;
        using (var store = LedgerStore.Open(dir.Path))
        {
            store.AppendMany(Enumerable.Range(0, 600).Select(i => (Func<ILedgerView, Domain.Records.RecordEvent?>)(view =>
                Events.Dispute(view.NextRecordId(Domain.Records.RecordType.Dispute, 2026), i, LongSummary))));
            store.Append(Events.NewDispute(1));
            Assert.True(store.JournalCheckpointCount >= 1);
            head = store.Head;
        }

        using var reopened = LedgerStore.Open(dir.Path);

        Assert.Equal(head, reopened.Head);
        Assert.Equal(601, reopened.RecordCount());
        Assert.True(LedgerVerifier.Verify(reopened.Entries(), head).Ok);
    }
}
