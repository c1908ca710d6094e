using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Indicators;

namespace EdgeStation.Station.Kiosk;

/// <summary>The home screen; <see cref="Access"/> decides whose summaries (personal free text) are shown.</summary>
public sealed record HomePage(LayoutModel Layout, IndicatorReport Report, IReadOnlyList<DueItem> Due, UserAccess Access);
