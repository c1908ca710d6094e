using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Tests.Detection;

public sealed class NonMaximumSuppressionTests
{
    [Fact]
    public void The_best_of_overlapping_boxes_of_one_class_stays_and_other_classes_are_untouched()
    {
        var candidates = new List<EdgeStation.Vision.Detection.Detection>
        {
            new(new Box(0, 0, 10, 20), 0, "person", 0.6f),
            new(new Box(1, 1, 11, 21), 0, "person", 0.9f),
            new(new Box(1, 1, 11, 21), 2, "car", 0.7f),
            new(new Box(50, 50, 60, 70), 0, "person", 0.55f),
        };

        var kept = NonMaximumSuppression.Apply(candidates, 0.45f);

        Assert.Equal([0.9f, 0.7f, 0.55f], kept.Select(k => k.Score));
    }
}
