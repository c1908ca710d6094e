using EdgeStation.Domain.Indicators;

namespace EdgeStation.Station.Kiosk;

public sealed record HomePage(LayoutModel Layout, IndicatorReport Report, IReadOnlyList<DueItem> Due);
