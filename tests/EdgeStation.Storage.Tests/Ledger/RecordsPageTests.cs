using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;
using LiteDB;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// Issue 15: page 4 of a list took 30 times as long as page 1, because a page was found by reading and skipping every
/// record before it. A page reads only its own records. The probe: a record before the page whose stored copy cannot
/// be read; a page after it must not touch it (reading from the start and skipping would).
/// </summary>
public class RecordsPageTests
{
    private static readonly string[] Ids = ["DS-2026-0001", "DS-2026-0002", "DS-2026-0003", "DS-2026-0004"];

    [Fact]
    public void Regression_a_later_page_read_every_record_before_it()
    {
        using var dir = new TempDir();
        using (var store = LedgerStore.Open(dir.Path))
        {
            for (var i = 0; i < Ids.Length; i++)
            {
                store.Append(Events.NewDispute(i));
            }
        }
        using (var db = new LiteDatabase(dir.File(LedgerStore.FileName)))
        {
            var records = db.GetCollection("records");
            var first = records.FindById(Ids[0]);
            first["createdSeq"] = "not a number";
            records.Update(first);
        }
        using var reopened = LedgerStore.Open(dir.Path, readOnly: true, check: StateCheck.Report); // as `records verify` opens it: the damage stays readable
        Assert.Throws<StorageEnvironmentException>(() => reopened.RecordsPage(Ids, 0, 2)); // the probe works: reading it fails

        var page = reopened.RecordsPage(Ids, 2, 2);

        Assert.Equal(Ids[2..], page.Select(r => r.Id));
    }
}
