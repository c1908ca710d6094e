using System.Globalization;
using System.Text;
using static EdgeStation.Center.Reports.ReportHtml;

namespace EdgeStation.Center.Reports;

/// <summary>One village's last twelve months: safety index as a line (inline SVG, no script), and the figures per month.</summary>
public static class TrendsPage
{
    public static string Render(string stationId, string name, IReadOnlyList<MonthFigures> months, DateTimeOffset now, TimeZoneInfo zone)
    {
        var title = $"{name} 近12个月平安趋势";
        var b = new StringBuilder(Head(title));
        b.Append("<header><h1>").Append(E(title)).Append("</h1><span class=\"muted\">").Append(E(stationId)).Append("　")
            .Append(months[0].Month.Chinese).Append("至").Append(months[^1].Month.Chinese).Append("　生成于 ").Append(Local(now, zone)).Append("</span></header><main>");
        b.Append("<nav class=\"noprint\"><a href=\"/reports/ranking?month=").Append(months[^1].Month).Append("\">本月排名</a><a href=\"/\">返回总览</a></nav>");
        Chart(b, months);
        b.Append("<table><thead><tr><th>月份</th><th>平安指数</th><th>四无平安村</th><th>无案件天数</th><th>红色纠纷</th><th>逾期信访</th><th>数据日期</th></tr></thead><tbody>");
        foreach (var m in months)
        {
            b.Append("<tr><td>").Append(m.Month.Chinese).Append("</td><td class=\"num\">")
                .Append(m.SafetyIndex is { } si ? si.ToString("0.0", CultureInfo.InvariantCulture) : "—").Append("</td><td>")
                .Append(m.FourNothing switch { true => "<span class=\"green\">达成</span>", false => "<span class=\"red\">未达成</span>", null => "—" })
                .Append("</td><td class=\"num\">").Append(m.Figures?.Streaks is { } s ? s.NoCases.ToString(CultureInfo.InvariantCulture) : "—")
                .Append("</td><td class=\"num\">").Append(m.RedDisputes?.ToString(CultureInfo.InvariantCulture) ?? "—")
                .Append("</td><td class=\"num\">").Append(m.OverduePetitions?.ToString(CultureInfo.InvariantCulture) ?? "—")
                .Append("</td><td>").Append(m.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "本月无日结").Append("</td></tr>");
        }
        b.Append("</tbody></table></main></body></html>");
        return b.ToString();
    }

    /// <summary>The index from 0 to 100 across twelve months; a month without figures breaks the line.</summary>
    private static void Chart(StringBuilder b, IReadOnlyList<MonthFigures> months)
    {
        const int width = 720, height = 220, left = 40, top = 10, plotW = 660, plotH = 180;
        b.Append("<svg role=\"img\" aria-label=\"平安指数趋势\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\">");
        foreach (var level in new[] { 0, 50, 100 })
        {
            var y = top + plotH - level * plotH / 100.0;
            b.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{left + plotW}\" y2=\"{y:0.#}\" stroke=\"#d7dbe0\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 4:0.#}\" font-size=\"11\">{level}</text>");
        }
        var segment = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var x = left + i * plotW / (double)(months.Count - 1);
            b.Append(CultureInfo.InvariantCulture, $"<text x=\"{x - 10:0.#}\" y=\"{height - 4}\" font-size=\"11\">{months[i].Month.Month}月</text>");
            if (months[i].SafetyIndex is { } si)
            {
                var y = top + plotH - si * plotH / 100.0;
                segment.Add(string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}"));
                b.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3\" fill=\"#1565c0\"><title>{months[i].Month.Chinese} {si:0.0}</title></circle>");
            }
            if (months[i].SafetyIndex is null || i == months.Count - 1)
            {
                if (segment.Count > 1)
                {
                    b.Append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"").AppendJoin(' ', segment).Append("\"/>");
                }
                segment.Clear();
            }
        }
        b.Append("</svg>");
    }
}
