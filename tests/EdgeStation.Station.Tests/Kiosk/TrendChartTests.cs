using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgeStation.Station.Kiosk;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>The server-drawn SVG line chart.</summary>
public sealed class TrendChartTests
{
    private static readonly string[] Months = ["01", "02", "03", "04"];

    [Fact]
    public void The_svg_is_well_formed_and_has_a_point_per_value()
    {
        var svg = TrendChart.Svg("平安指数 <趋势>", Months, [new ChartSeries("指数", "s0", [90, 95.55, 80, 100])], 100);

        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(4, doc.Descendants(ns + "circle").Count());
        Assert.Single(doc.Descendants(ns + "polyline"));
        Assert.Equal("平安指数 <趋势>", doc.Root!.Attribute("aria-label")!.Value);
        Assert.Equal(["90", "95.6", "80", "100"], doc.Descendants(ns + "circle").Select(c => c.Attribute("data-value")!.Value));
    }

    [Fact]
    public void Higher_values_are_drawn_higher_and_the_maximum_touches_the_top_gridline()
    {
        var svg = TrendChart.Svg("t", Months, [new ChartSeries("a", "s0", [0, 50, 100, 25])], 100);

        var ys = Regex.Matches(svg, "cy=\"([0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[2] < ys[1] && ys[1] < ys[3] && ys[3] < ys[0]);
        Assert.Contains($"y1=\"{ys[2]:0.#}\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_month_breaks_the_line_instead_of_dropping_to_zero()
    {
        var svg = TrendChart.Svg("t", Months, [new ChartSeries("a", "s0", [null, 50, null, 60])], 100);

        Assert.Equal(2, Regex.Matches(svg, "<circle").Count);
        Assert.DoesNotContain("<polyline", svg, StringComparison.Ordinal); // no two neighbouring values
        var joined = TrendChart.Svg("t", Months, [new ChartSeries("a", "s0", [null, 50, 55, null])], 100);
        Assert.Single(Regex.Matches(joined, "<polyline"));
    }

    [Fact]
    public void Values_outside_the_scale_are_clamped_to_the_plot()
    {
        var svg = TrendChart.Svg("t", ["a", "b"], [new ChartSeries("a", "s0", [-5, 250])], 100);

        var ys = Regex.Matches(svg, "cy=\"([0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(ys, y => Assert.InRange(y, 0, TrendChart.Height));
    }

    [Fact]
    public void A_series_of_the_wrong_length_or_a_zero_scale_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TrendChart.Svg("t", Months, [new ChartSeries("a", "s0", [1, 2])], 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendChart.Svg("t", Months, [], 0));
    }
}
