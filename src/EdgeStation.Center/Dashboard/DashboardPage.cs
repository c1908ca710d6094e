using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EdgeStation.Center.Admin;
using EdgeStation.Center.Storage;

namespace EdgeStation.Center.Dashboard;

/// <summary>
/// The township's page (zh-CN): every village with last contact (失联 after the stale threshold), the four-nothing
/// streaks, safety index and rank, red disputes, overdue petitions and ledger continuity, then the open alerts.
/// Rendered on the server, no script, times in the township's zone. <see cref="PageSize"/> villages a page, those that
/// need someone's attention (an open alert, silent, revoked) first: with 2,000 villages one page of all of them was
/// 770 KB of HTML and took a fifth of a second of the center's CPU to render each time it was opened.
/// </summary>
public static class DashboardPage
{
    public const int PageSize = 100;

    /// <summary>How many pages <paramref name="villages"/> villages take (at least one, even for none).</summary>
    public static int Pages(int villages) => Math.Max(1, (villages + PageSize - 1) / PageSize);

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="page">1 to <see cref="Pages"/> of the stations' count (checked by the caller).</param>
    public static string Render(IReadOnlyList<StationView> stations, IReadOnlyList<AlertRow> openAlerts, TimeSpan staleAfter, DateTimeOffset now, TimeZoneInfo zone, int page = 1)
    {
        var ranked = stations.Where(s => s.SafetyIndex is not null && !s.Revoked).OrderByDescending(s => s.SafetyIndex).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select((s, i) => (s.Id, Rank: i + 1)).ToDictionary(x => x.Id, x => x.Rank);
        var names = stations.ToDictionary(s => s.Id, s => s.Name);
        var b = new StringBuilder();
        b.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        b.Append("<title>乡镇综治中心 · 各村平安情况</title><style>").Append(Css).Append("</style></head><body>");
        b.Append("<header><h1>乡镇综治中心 · 各村平安情况</h1><span class=\"muted\">更新于 ").Append(Local(now, zone)).Append("　超过 ")
            .Append(((int)staleAfter.TotalHours).ToString(CultureInfo.InvariantCulture)).Append(" 小时未联系即为失联</span></header><main>");
        b.Append("<p class=\"summary\">共 ").Append(stations.Count).Append(" 个村　失联 <b class=\"red\">")
            .Append(stations.Count(s => s.Stale && !s.Revoked)).Append("</b>　台账告警 <b class=\"red\">").Append(openAlerts.Count).Append("</b></p>");
        b.Append("<table><thead><tr><th>村</th><th>最后联系</th><th>无案件</th><th>无上访</th><th>无诉讼</th><th>无邪教</th><th>四无</th>")
            .Append("<th>平安指数</th><th>排名</th><th>红色纠纷</th><th>逾期信访</th><th>台账连续性</th></tr></thead><tbody>");
        var shown = stations.OrderByDescending(s => s.OpenAlerts > 0 || s.Stale || s.Revoked).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Skip((page - 1) * PageSize).Take(PageSize);
        foreach (var s in shown)
        {
            b.Append("<tr").Append(s.Stale || s.Revoked ? " class=\"stale\"" : "").Append("><td><b>").Append(E(s.Name)).Append("</b><br><span class=\"muted\">").Append(E(s.Id)).Append("</span></td><td>");
            b.Append(s.Revoked ? "<span class=\"red\">已吊销</span>" : s.LastContact is { } c ? Local(c, zone) + (s.Stale ? "<br><span class=\"red\">失联</span>" : "") : "<span class=\"red\">从未联系</span>");
            b.Append("</td>");
            foreach (var days in s.Streaks is { } st ? new uint?[] { st.NoCases, st.NoEscalatedPetitions, st.NoLawsuits, st.NoCults } : [null, null, null, null])
            {
                b.Append("<td class=\"num\">").Append(days is { } d ? d.ToString(CultureInfo.InvariantCulture) + " 天" : "—").Append("</td>");
            }
            b.Append("<td>").Append(s.FourNothing switch { true => "<span class=\"green\">达成</span>", false => "<span class=\"red\">未达成</span>", null => "—" }).Append("</td>");
            b.Append("<td class=\"num\">").Append(s.SafetyIndex is { } idx ? idx.ToString("0.0", CultureInfo.InvariantCulture) : "—").Append("</td>");
            b.Append("<td class=\"num\">").Append(ranked.TryGetValue(s.Id, out var rank) ? rank.ToString(CultureInfo.InvariantCulture) : "—").Append("</td>");
            b.Append("<td class=\"num\">").Append(s.RedDisputes is { } red ? (red > 0 ? $"<span class=\"red\">{red}</span>" : "0") : "—").Append("</td>");
            b.Append("<td class=\"num\">").Append(s.OverduePetitions is { } od ? (od > 0 ? $"<span class=\"red\">{od}</span>" : "0") : "—").Append("</td>");
            b.Append("<td>").Append(s.OpenAlerts > 0 ? $"<span class=\"red\">告警 {s.OpenAlerts} 条</span>" : s.Continuity == "intact" ? "<span class=\"green\">完整</span>" : "尚无台账摘要").Append("</td></tr>");
        }
        b.Append("</tbody></table>");
        var pages = Pages(stations.Count);
        if (pages > 1)
        {
            var stale = ((int)staleAfter.TotalHours).ToString(CultureInfo.InvariantCulture);
            b.Append("<nav class=\"pages\">第 ").Append(page).Append(" / ").Append(pages).Append(" 页（每页 ").Append(PageSize).Append(" 个村，需关注的在前）");
            for (var p = 1; p <= pages; p++)
            {
                b.Append(p == page ? $" <b>{p}</b>" : $" <a href=\"/?page={p}&amp;stale={stale}\">{p}</a>");
            }
            b.Append("</nav>");
        }
        if (stations.Count == 0)
        {
            b.Append("<p>尚未登记任何村站。登记：<code>edgestation-center enroll --station ID --name 村名</code></p>");
        }
        b.Append("<h2>未处理的台账告警</h2>");
        if (openAlerts.Count == 0)
        {
            b.Append("<p class=\"green\">无</p>");
        }
        else
        {
            b.Append("<table><thead><tr><th>编号</th><th>时间</th><th>村</th><th>台账序号</th><th>类型</th><th>说明</th></tr></thead><tbody>");
            foreach (var a in openAlerts)
            {
                b.Append("<tr><td>#").Append(a.Id).Append("</td><td>").Append(Local(a.RaisedAt, zone)).Append("</td><td>")
                    .Append(E(names.GetValueOrDefault(a.StationId, a.StationId))).Append("</td><td class=\"num\">").Append(a.Seq)
                    .Append("</td><td class=\"red\">").Append(KindText(a.Kind)).Append("</td><td>").Append(E(a.Message)).Append("</td></tr>");
            }
            b.Append("</tbody></table><p class=\"muted\">核查后由管理员处理：<code>edgestation-center alerts resolve 编号</code></p>");
        }
        b.Append("</main></body></html>");
        return b.ToString();
    }

    /// <summary>The alert kinds in the township's words.</summary>
    public static string KindText(AlertKind kind) => kind switch
    {
        AlertKind.LedgerGap => "台账缺失",
        AlertKind.LedgerFork => "台账断链（疑被改写）",
        AlertKind.DigestChanged => "台账摘要被更改",
        AlertKind.AnchorMismatch => "月报锚点不符",
        AlertKind.ConflictingEnvelope => "重复上报内容不一致",
        _ => kind.ToString(),
    };

    private static string E(string text) => Html.Encode(text);

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private const string Css =
        ":root{--red:#c62828;--green:#2e7d32;--ink:#1b1b1b;--muted:#5f6368;--line:#d7dbe0;--bg:#f4f6f8}" +
        "body{margin:0;font-family:\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif;color:var(--ink);background:var(--bg)}" +
        "header{padding:.6rem 1rem;background:#fff;border-bottom:1px solid var(--line)}header h1{font-size:1.3rem;margin:0 0 .2rem}" +
        "main{padding:1rem;max-width:1400px;margin:0 auto}table{width:100%;border-collapse:collapse;background:#fff;margin:.5rem 0 1.5rem}" +
        "th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{background:#eef1f4;font-weight:600}" +
        ".num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:var(--muted);font-size:.9rem}.red{color:var(--red);font-weight:600}" +
        ".green{color:var(--green);font-weight:600}tr.stale td{background:#fff5f5}h2{font-size:1.1rem}code{background:#eef1f4;padding:0 .3rem}" +
        "@media print{header{border:0}tr.stale td{background:none}}";
}
