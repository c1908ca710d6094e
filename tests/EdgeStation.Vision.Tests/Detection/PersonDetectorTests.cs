using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Tests.Support;

namespace EdgeStation.Vision.Tests.Detection;

// Real YOLOX-Nano on real frames of the shipped clip. Clip frame 50 is vtest.avi frame 200
// (MANIFEST: seven walking people, counted by eye).
public sealed class PersonDetectorTests : IDisposable
{
    private readonly OnnxDetector detector = new(DetectorOptions.YoloxNano());

    [Fact]
    public void Yolox_nano_finds_the_seven_walkers_of_frame_200()
    {
        var people = detector.Detect(ClipFrames.At(50));

        Assert.Equal(7, people.Count);
        Assert.All(people, p => Assert.Equal(("person", 0), (p.Label, p.ClassIndex)));
        Assert.All(people, p => Assert.InRange(p.Score, 0.5f, 1f));
        // Upright walkers: taller than wide, inside the frame.
        Assert.All(people, p => Assert.True(p.Box.Height > 1.5f * p.Box.Width, p.Box.ToString()));
        Assert.All(people, p => Assert.True(p.Box.Left >= -2 && p.Box.Right <= ClipFrames.Width + 2 && p.Box.Bottom <= ClipFrames.Height + 2, p.Box.ToString()));
    }

    [Fact]
    public void Non_maximum_suppression_leaves_no_two_boxes_on_one_walker()
    {
        foreach (var index in new[] { 0, 25, 50, 75, 99 })
        {
            var people = detector.Detect(ClipFrames.At(index));
            for (var i = 0; i < people.Count; i++)
            {
                for (var j = i + 1; j < people.Count; j++)
                {
                    Assert.True(people[i].Box.IoU(people[j].Box) <= 0.45f, $"frame {index}: {people[i].Box} and {people[j].Box}");
                }
            }
        }
    }

    [Fact]
    public void A_higher_score_threshold_keeps_only_the_surer_people()
    {
        using var strict = new OnnxDetector(DetectorOptions.YoloxNano() with { ScoreThreshold = 0.8f });
        var all = detector.Detect(ClipFrames.At(50));

        var sure = strict.Detect(ClipFrames.At(50));

        Assert.NotEmpty(sure);
        Assert.True(sure.Count < all.Count);
        Assert.All(sure, p => Assert.InRange(p.Score, 0.8f, 1f));
    }

    [Fact]
    public void Detecting_in_a_motion_region_finds_the_walker_there_in_frame_pixels()
    {
        var frame = ClipFrames.At(50);
        var whole = detector.Detect(frame);
        var walker = whole.OrderByDescending(p => p.Box.Area).First();
        var region = new Box(walker.Box.Left - 40, walker.Box.Top - 40, walker.Box.Right + 40, walker.Box.Bottom + 40);

        var inRegion = detector.Detect(frame, region);

        var match = Assert.Single(inRegion, p => p.Box.IoU(walker.Box) > 0.5f);
        Assert.Equal("person", match.Label);
    }

    [Fact]
    public void Keeping_all_coco_classes_reports_labels_from_the_class_list()
    {
        using var everything = new OnnxDetector(DetectorOptions.YoloxNano() with { Keep = [], ScoreThreshold = 0.3f });

        var found = everything.Detect(ClipFrames.At(50));

        Assert.Contains(found, d => d.Label == "person");
        Assert.All(found, d => Assert.Equal(CocoClasses.Names[d.ClassIndex], d.Label));
    }

    [Fact]
    public void A_missing_model_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-model.onnx");

        var error = Assert.Throws<ModelUnavailableException>(() => new OnnxDetector(DetectorOptions.YoloxNano(path)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_reported_as_unloadable()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "broken.onnx");
        File.WriteAllText(path, "not an onnx graph");

        var error = Assert.Throws<ModelUnavailableException>(() => new OnnxDetector(DetectorOptions.YoloxNano(path)));

        Assert.Contains("cannot be loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_list_that_does_not_fit_the_output_is_refused_with_the_shapes()
    {
        using var wrong = new OnnxDetector(DetectorOptions.YoloxNano() with { Classes = ["smoke", "fire"], Keep = [] });

        var error = Assert.Throws<InvalidOperationException>(() => wrong.Detect(ClipFrames.At(0)));

        Assert.Contains("[1, 3549, 85]", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => detector.Dispose();
}
