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

    /// <summary>
    /// Whether this user may read the record's personal text: its fields and the notes of its history (transition
    /// notes, amend and void reasons), which are free text like <c>summary</c> (docs/privacy.md). Off unless granted.
    /// </summary>
    public bool ShowsPersonal { get; init; }

    /// <summary>The amend form's fields, pre-filled; empty when this user may not change the record (then no void either).</summary>
    public IReadOnlyList<FieldInput> AmendFields { get; init; } = [];
}
