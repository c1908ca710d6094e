using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Ledger;

/// <summary>
/// `records list` on a read-only store pages through the records by id (<see cref="LedgerStore.ScanPage"/> at a time) so that
/// LiteDB's unbounded page cache never holds the whole collection (issue 19: ≤ 60 MB over 100,000 records): every record
/// once, in id order, across page boundaries, with and without a type filter.
/// </summary>
public sealed class ReadOnlyScanTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_read_only_scan_across_pages_yields_every_record_once_in_id_order()
    {
        var records = LedgerStore.ScanPage + 17; // ids stay four digits: LiteDB orders ids by its collation, the test by ordinal
        using (var store = LedgerStore.Open(_dir.Path))
        {
            store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Events.T0 });
            store.AppendMany(Enumerable.Range(1, records).Select(Events.NewDispute));
        }

        using var reader = LedgerStore.Open(_dir.Path, readOnly: true);
        var ids = reader.Records().Select(r => r.Id).ToList();
        var expected = Enumerable.Range(1, records).Select(n => $"DS-2026-{n:D4}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, ids);
        Assert.Equal(records, reader.Records(RecordType.Dispute).Count());
        Assert.Empty(reader.Records(RecordType.Petition));
    }
}
