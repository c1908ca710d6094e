using EdgeStation.Domain.Indicators;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Kiosk;

/// <summary>The 12-month trend and the ledger head it was computed from (what the monthly report prints as its anchor).</summary>
public sealed record TrendSnapshot(LedgerHead Head, IReadOnlyList<MonthlyPoint> Months);
