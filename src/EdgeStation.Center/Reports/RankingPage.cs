using System.Globalization;
using System.Text;
using static EdgeStation.Center.Reports.ReportHtml;

namespace EdgeStation.Center.Reports;

/// <summary>The monthly ranking as a page to print and sign (A4, no script), with links to the CSV and the workbook.</summary>
public static class RankingPage
{
    public static string Render(ReportMonth month, IReadOnlyList<RankingRow> rows, DateTimeOffset now, TimeZoneInfo zone)
    {
        var title = $"{month.Chinese}各村平安指数排名";
        var b = new StringBuilder(Head(title));
        b.Append("<header><h1>").Append(E(title)).Append("</h1><span class=\"muted\">生成于 ").Append(Local(now, zone))
            .Append("　依据各村站本月最后一次日结</span></header><main>");
        b.Append("<nav class=\"noprint\"><a href=\"/reports/ranking?month=").Append(month.Previous).Append("\">上一月</a>")
            .Append("<a href=\"/reports/ranking.csv?month=").Append(month).Append("\">下载 CSV</a>")
            .Append("<a href=\"/reports/ranking.xlsx?month=").Append(month).Append("\">下载 Excel</a><a href=\"/\">返回总览</a></nav>");
        b.Append("<table><thead><tr>");
        foreach (var h in RankingColumns.Headers)
        {
            b.Append("<th>").Append(E(h)).Append("</th>");
        }
        b.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            var cells = RankingColumns.Cells(r);
            b.Append("<tr>");
            for (var i = 0; i < cells.Length; i++)
            {
                var text = i == 1
                    ? "<a href=\"/villages/" + E(r.StationId) + "/trends?to=" + month + "\">" + E(r.Name) + "</a>"
                    : cells[i] is null ? "—" : E(RankingColumns.Text(cells[i]));
                b.Append(cells[i] is double ? "<td class=\"num\">" : "<td>").Append(text).Append("</td>");
            }
            b.Append("</tr>");
        }
        b.Append("</tbody></table>");
        b.Append("<p class=\"muted\">共 ").Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" 个村，其中 ")
            .Append(rows.Count(r => r.Rank is null).ToString(CultureInfo.InvariantCulture)).Append(" 个本月无日结、不参与排名。</p>");
        b.Append("<p>审核人：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿</p></main></body></html>");
        return b.ToString();
    }
}
