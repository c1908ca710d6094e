using System.Globalization;
using System.Net;
using System.Text;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// A line chart as inline SVG, drawn on the server: no script, no CDN, prints as it shows, and works on the
/// kiosk with no internet. Values run from 0 to <c>yMax</c>; a null value breaks the line (a month the station
/// did not exist is a gap, not a zero). Every point carries its value as text, so nothing needs hovering.
/// </summary>
public static class TrendChart
{
    public const int Width = 720;
    public const int Height = 260;
    private const int Left = 44, Right = 16, Top = 16, Bottom = 34;

    public static string Svg(string title, IReadOnlyList<string> xLabels, IReadOnlyList<ChartSeries> series, double yMax, string unit = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(yMax);
        if (series.Any(s => s.Values.Count != xLabels.Count))
        {
            throw new ArgumentException("every series needs one value per x label", nameof(series));
        }
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (xLabels.Count == 1 ? plotW / 2.0 : plotW * i / (double)(xLabels.Count - 1));
        double Y(double v) => Top + plotH * (1 - Math.Clamp(v, 0, yMax) / yMax);

        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Enc(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Enc(title)}</title>");
        for (var g = 0; g <= 4; g++)
        {
            var v = yMax * g / 4;
            var y = N(Y(v));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{N(v)}{Enc(unit)}</text>");
        }
        for (var i = 0; i < xLabels.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(X(i))}\" y=\"{Height - 10}\" text-anchor=\"middle\">{Enc(xLabels[i])}</text>");
        }
        foreach (var s in series)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series {Enc(s.CssClass)}\" data-series=\"{Enc(s.Label)}\">");
            // One polyline per unbroken run of values.
            var run = new List<string>();
            for (var i = 0; i <= s.Values.Count; i++)
            {
                if (i < s.Values.Count && s.Values[i] is { } v)
                {
                    run.Add($"{N(X(i))},{N(Y(v))}");
                    continue;
                }
                if (run.Count > 1)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', run)}\"/>");
                }
                run.Clear();
            }
            for (var i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] is { } v)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(v))}\" r=\"4\" data-value=\"{N(v)}\"><title>{Enc(s.Label)} {Enc(xLabels[i])}: {N(v)}{Enc(unit)}</title></circle>");
                }
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
