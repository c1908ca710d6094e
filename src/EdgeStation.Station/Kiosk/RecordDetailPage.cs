using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Kiosk;

public sealed record RecordDetailPage(
    LayoutModel Layout,
    RecordSnapshot Record,
    IReadOnlyList<(LedgerEntry Entry, RecordEvent Event)> History,
    IReadOnlyList<string> Actions,
    IReadOnlyList<DueItem> Deadlines,
    StationTime Time)
{
    /// <summary>Personal fields this user may not see on this record.</summary>
    public IReadOnlySet<string> Hidden { get; init; } = new HashSet<string>();

    /// <summary>The amend form's fields, pre-filled; empty when this user may not change the record (then no void either).</summary>
    public IReadOnlyList<FieldInput> AmendFields { get; init; } = [];
}
