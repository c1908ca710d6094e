using EdgeStation.Center.Storage;
using EdgeStation.Sync.Summaries;
using EdgeStation.Sync.V1;
using Google.Protobuf;

namespace EdgeStation.Center.Reports;

/// <summary>
/// Reads villages' monthly figures from the daily closes the center holds (每日日结, what the township ranks by): for a
/// month, the close whose day (the station's own, in its time zone) is the last of that month the station sent. The
/// envelopes are found by when the station made them, with two days of margin either side for its time zone and a
/// clock that was off; the day written in the figures decides the month.
/// </summary>
public sealed class MonthlyFiguresReader(ICenterStore store)
{
    private static readonly TimeSpan Margin = TimeSpan.FromDays(2);

    public MonthFigures Month(string stationId, ReportMonth month) => Months(stationId, [month])[0];

    /// <summary>The figures of each month asked for (in order), from one read of the store.</summary>
    public IReadOnlyList<MonthFigures> Months(string stationId, IReadOnlyList<ReportMonth> months)
    {
        var from = new DateTimeOffset(months.Min(m => m.First).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - Margin;
        var to = new DateTimeOffset(months.Max(m => m.Last).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + TimeSpan.FromDays(1) + Margin;
        var latest = new Dictionary<ReportMonth, Figures>();
        foreach (var e in store.EnvelopesMade(stationId, EnvelopeKind.DailyClose, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()))
        {
            Figures? figures;
            try
            {
                figures = DailyClose.Parser.ParseFrom(e.Payload).Figures;
            }
            catch (InvalidProtocolBufferException)
            {
                continue; // kept as received and reported at ingest; it has no figures to show
            }
            if (figures is null || figures.AsOfDate == 0)
            {
                continue;
            }
            var month = ReportMonth.Of(FiguresMapper.FromYyyymmdd(figures.AsOfDate));
            if (!latest.TryGetValue(month, out var held) || held.AsOfDate < figures.AsOfDate)
            {
                latest[month] = figures;
            }
        }
        return [.. months.Select(m => latest.TryGetValue(m, out var f)
            ? new MonthFigures(m, FiguresMapper.FromYyyymmdd(f.AsOfDate), f)
            : new MonthFigures(m, null, null))];
    }

    /// <summary>Every enrolled village for the month, ranked by safety index (higher first, then id); those without figures last, unranked.</summary>
    public IReadOnlyList<RankingRow> Ranking(ReportMonth month)
    {
        var rows = store.AllStations().Select(s => (Station: s, Figures: Month(s.Id, month))).ToList();
        var ranked = rows.Where(r => r.Figures.SafetyIndex is not null)
            .OrderByDescending(r => r.Figures.SafetyIndex).ThenBy(r => r.Station.Id, StringComparer.Ordinal)
            .Select((r, i) => new RankingRow(i + 1, r.Station.Id, r.Station.Name, r.Figures));
        var unranked = rows.Where(r => r.Figures.SafetyIndex is null).OrderBy(r => r.Station.Id, StringComparer.Ordinal)
            .Select(r => new RankingRow(null, r.Station.Id, r.Station.Name, r.Figures));
        return [.. ranked, .. unranked];
    }
}
