using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Tests.Geometry;

public sealed class PolygonTests
{
    // An L-shaped yard: a concave corner is where a bounding-box test would be wrong.
    private static readonly Polygon Yard = new([(0, 0), (100, 0), (100, 40), (40, 40), (40, 100), (0, 100)]);

    [Theory]
    [InlineData(20, 20, true)]
    [InlineData(80, 20, true)]
    [InlineData(20, 80, true)]
    [InlineData(80, 80, false)]
    [InlineData(120, 20, false)]
    [InlineData(-1, 50, false)]
    public void A_point_is_inside_an_L_shaped_zone_only_on_the_L(float x, float y, bool inside)
    {
        Assert.Equal(inside, Yard.Contains(x, y));
    }

    [Fact]
    public void Parsing_reads_corners_and_scaling_moves_them()
    {
        Assert.True(Polygon.TryParse("0,0, 200,0, 200,100", out var p, out var error), error);

        Assert.Equal("0,0,100,0,100,50", p!.Scaled(0.5f, 0.5f).ToString());
    }

    [Theory]
    [InlineData("", "at least three corners")]
    [InlineData("0,0,10,0", "at least three corners")]
    [InlineData("0,0,10,0,10", "at least three corners")]
    [InlineData("0,0,10,x,10,10", "'10,x' is not a corner")]
    [InlineData("0,0,10,10,20,20", "on one line")]
    [InlineData("0,0,NaN,0,10,10", "not a corner")]
    public void Bad_corners_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(Polygon.TryParse(text, out var p, out var error));

        Assert.Null(p);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
