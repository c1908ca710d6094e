using System.Text;

namespace EdgeStation.Center.Reports;

/// <summary>
/// The monthly ranking as CSV for Excel in zh-CN: UTF-8 with a byte-order mark (without it Excel reads GBK and the
/// village names turn to mojibake), CRLF lines, RFC 4180 quoting, and a text that starts like a formula
/// (= + - @) prefixed with ' so a spreadsheet never runs it.
/// </summary>
public static class RankingCsv
{
    public static byte[] Write(ReportMonth month, IReadOnlyList<RankingRow> rows)
    {
        var b = new StringBuilder();
        Line(b, [$"{month.Chinese}各村平安指数排名"]);
        Line(b, RankingColumns.Headers);
        foreach (var r in rows)
        {
            Line(b, RankingColumns.Cells(r).Select(c => c is string text ? Defused(text) : RankingColumns.Text(c)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(b.ToString())];
    }

    private static void Line(StringBuilder b, IEnumerable<string> cells)
    {
        b.AppendJoin(',', cells.Select(Quoted));
        b.Append("\r\n");
    }

    private static string Quoted(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static string Defused(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
}
