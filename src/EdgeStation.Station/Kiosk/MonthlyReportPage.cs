using EdgeStation.Domain.Indicators;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// The printable monthly report. <see cref="Anchor"/> is the ledger head (seq:hash) the figures were computed
/// from: with `edgestation records verify --expect-head` anyone can later prove the ledger behind the paper
/// was not changed.
/// </summary>
public sealed record MonthlyReportPage(LayoutModel Layout, MonthlyPoint Point, string Anchor, DateTimeOffset GeneratedAt);
