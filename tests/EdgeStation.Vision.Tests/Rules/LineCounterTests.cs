using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Tracking;
using DetectedObject = EdgeStation.Vision.Detection.Detection;

namespace EdgeStation.Vision.Tests.Rules;

// Synthetic walkers (60 px tall) through the real tracker at 10 fps; the line is x = 200 from y = 250 up to y = 50.
public sealed class LineCounterTests
{
    private static readonly CountingLine Upward = new("gate", 200, 250, 200, 50);

    [Fact]
    public void Walking_left_to_right_across_a_line_drawn_upwards_is_forward()
    {
        var crossings = Walk(Upward, x => 100 + (8 * x), _ => 150);

        var c = Assert.Single(crossings);
        Assert.Equal(LineDirection.Forward, c.Direction);
        Assert.Equal("gate", c.Line);
    }

    [Fact]
    public void Walking_right_to_left_is_backward_and_a_line_drawn_the_other_way_flips_it()
    {
        Assert.Equal(LineDirection.Backward, Assert.Single(Walk(Upward, x => 300 - (8 * x), _ => 150)).Direction);

        var downward = new CountingLine("gate", 200, 50, 200, 250);
        Assert.Equal(LineDirection.Forward, Assert.Single(Walk(downward, x => 300 - (8 * x), _ => 150)).Direction);
    }

    [Fact]
    public void Passing_beyond_the_end_of_the_line_is_not_a_crossing()
    {
        Assert.Empty(Walk(Upward, x => 100 + (8 * x), _ => 280));
    }

    [Fact]
    public void Dawdling_on_the_line_counts_once()
    {
        // Walks up to the line, wobbles on it by ±2 px (less than the margin) for two seconds, then goes on.
        static float X(int i) => i < 12 ? 110 + (8 * i) : i < 32 ? 200 + ((i % 2 == 0) ? 2 : -2) : 200 + (8 * (i - 31));

        var crossings = Walk(Upward, X, _ => 150, frames: 45);

        Assert.Equal(LineDirection.Forward, Assert.Single(crossings).Direction);
    }

    [Fact]
    public void A_walker_who_crosses_and_comes_back_counts_both_ways()
    {
        static float X(int i) => i < 25 ? 100 + (8 * i) : 300 - (8 * (i - 25));

        var crossings = Walk(Upward, X, _ => 150, frames: 50);

        Assert.Equal([LineDirection.Forward, LineDirection.Backward], crossings.Select(c => c.Direction));
        Assert.Single(crossings.Select(c => c.TrackId).Distinct());
    }

    private static List<LineCrossing> Walk(CountingLine line, Func<int, float> x, Func<int, float> y, int frames = 26)
    {
        var tracker = new MultiObjectTracker(bounds: new Box(0, 0, 400, 300));
        var counter = new LineCounter(line);
        var crossings = new List<LineCrossing>();
        tracker.Update(TimeSpan.Zero, []);
        for (var i = 1; i <= frames; i++)
        {
            var at = TimeSpan.FromSeconds(i / 10.0);
            var person = new DetectedObject(Box.FromCenter(x(i), y(i), 24, 60), 0, "person", 0.9f);
            crossings.AddRange(counter.Update(tracker.Update(at, [person]), i, at));
        }

        Assert.Equal(crossings.Count(c => c.Direction == LineDirection.Forward), counter.Forward);
        Assert.Equal(crossings.Count(c => c.Direction == LineDirection.Backward), counter.Backward);
        return crossings;
    }
}
