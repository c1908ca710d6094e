using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Kiosk;

public sealed record RecordListPage(LayoutModel Layout, string Type, IReadOnlyList<RecordSnapshot> Rows, int Total, StationTime Time);
