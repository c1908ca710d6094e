using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EdgeStation.Center.Reports;

/// <summary>What the printable pages share: encoding, the look of the dashboard, and A4 print rules.</summary>
public static class ReportHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string text) => Html.Encode(text);

    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Head(string title) =>
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>" + E(title) + "</title><style>" + Css + "</style></head><body>";

    private const string Css =
        ":root{--red:#c62828;--green:#2e7d32;--ink:#1b1b1b;--muted:#5f6368;--line:#d7dbe0;--bg:#f4f6f8}" +
        "body{margin:0;font-family:\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",\"Source Han Sans SC\",\"Microsoft YaHei\",sans-serif;color:var(--ink);background:var(--bg)}" +
        "header{padding:.6rem 1rem;background:#fff;border-bottom:1px solid var(--line)}header h1{font-size:1.3rem;margin:0 0 .2rem}" +
        "main{padding:1rem;max-width:1200px;margin:0 auto}table{width:100%;border-collapse:collapse;background:#fff;margin:.5rem 0 1.5rem}" +
        "th,td{padding:.4rem .55rem;border:1px solid var(--line);text-align:left}th{background:#eef1f4;font-weight:600}" +
        ".num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:var(--muted);font-size:.9rem}.red{color:var(--red);font-weight:600}" +
        ".green{color:var(--green);font-weight:600}nav a{margin-right:1rem}svg{background:#fff;border:1px solid var(--line)}" +
        "@page{size:A4;margin:15mm}@media print{body{background:#fff}header{border:0}.noprint{display:none}main{padding:0}th{background:#eee}}";
}
