using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>An auditor reads a gap in the numbers as a deleted record: a number is taken only by a committed entry.</summary>
public class RecordNumberTests
{
    [Fact]
    public async Task Regression_a_builder_that_took_a_number_and_then_refused_used_it_up()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);
        store.Append(Events.NewDispute(1));

        var rejected = store.AppendAsync(view =>
        {
            view.NextRecordId(RecordType.Dispute, 2026);
            throw new RecordInputException("--parties must be between 1 and 10000 (got 0)");
        });
        var next = store.AppendAsync(Events.NewDispute(2));

        await Assert.ThrowsAsync<RecordInputException>(() => rejected);
        Assert.Equal("DS-2026-0002", (await next)!.Record!.Id);
    }

    [Fact]
    public async Task Numbers_stay_gapless_when_rejected_and_accepted_builders_share_a_batch()
    {
        using var dir = new TempDir();
        using var store = LedgerStore.Open(dir.Path);

        var tasks = Enumerable.Range(0, 40).Select(i => store.AppendAsync(i % 3 == 0
            ? view =>
            {
                view.NextRecordId(RecordType.Dispute, 2026);
                throw new RecordInputException("rejected");
            }
        : Events.NewDispute(i))).ToList();
        var ids = new List<string>();
        foreach (var t in tasks)
        {
            try
            {
                ids.Add((await t)!.Record!.Id);
            }
            catch (RecordInputException)
            {
            }
        }

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(n => $"DS-2026-{n:D4}"), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_store_that_created_the_database_and_committed_nothing_leaves_no_database()
    {
        using var dir = new TempDir();
        var dataDir = dir.File("new");

        using (var store = LedgerStore.Open(dataDir))
        {
            Assert.ThrowsAny<Exception>(() => store.Append(_ => throw new RecordInputException("rejected")));
        }

        Assert.False(Directory.Exists(dataDir));
    }
}
