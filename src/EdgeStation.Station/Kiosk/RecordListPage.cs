using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// One page of a type's records, newest first, after the filters. <see cref="Access"/> decides whose summaries
/// (personal free text) are shown.
/// </summary>
public sealed record RecordListPage(LayoutModel Layout, string Type, IReadOnlyList<RecordSnapshot> Rows, int Total, StationTime Time, UserAccess Access)
{
    public RecordListFilter Filter { get; init; } = new(null, null, 0);
    /// <summary>Records that pass the filter (all pages).</summary>
    public int Matching { get; init; }
    public int PageSize { get; init; } = 200;
    /// <summary>The statuses this type's workflow has, for the filter's choices.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];
    public bool HasRisk { get; init; }
}
