using EdgeStation.Domain.Records;

namespace EdgeStation.Station.Kiosk;

public sealed record NewRecordPage(LayoutModel Layout, string Type, IReadOnlyList<FieldSpec> Fields);
