using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Motion;
using EdgeStation.Vision.Tracking;
using DetectedObject = EdgeStation.Vision.Detection.Detection;

namespace EdgeStation.Vision.Tests.Tracking;

// Synthetic detections at 10 fps on a 400×300 picture; people are 60 px tall boxes.
public sealed class MultiObjectTrackerTests
{
    private const double Fps = 10;
    private static readonly Box Picture = new(0, 0, 400, 300);

    [Fact]
    public void Two_walkers_crossing_keep_their_ids()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        int? eastbound = null, westbound = null;
        for (var i = 0; i <= 40; i++)
        {
            // 8 px per frame towards each other on nearly the same row: they overlap around frame 20.
            var a = Person(40 + (8 * i), 150);
            var b = Person(360 - (8 * i), 156);
            var tracks = tracker.Update(At(i), [a, b]);
            if (i == 5)
            {
                eastbound = Nearest(tracks, a.Box).Id;
                westbound = Nearest(tracks, b.Box).Id;
            }

            if (i > 5)
            {
                Assert.Equal(eastbound, Nearest(tracks, a.Box).Id);
                Assert.Equal(westbound, Nearest(tracks, b.Box).Id);
            }
        }

        Assert.NotEqual(eastbound, westbound);
        Assert.Equal(2, tracker.PresentCount);
    }

    [Fact]
    public void A_walker_hidden_behind_another_while_crossing_comes_out_with_its_id()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        int? eastbound = null, westbound = null;
        for (var i = 0; i <= 40; i++)
        {
            var a = Person(40 + (8 * i), 150);
            var b = Person(360 - (8 * i), 150);
            // While they overlap the detector sees only the one in front.
            var overlap = a.Box.IoU(b.Box) > 0.1f;
            var tracks = tracker.Update(At(i), overlap ? [b] : [a, b]);
            if (i == 5)
            {
                eastbound = Nearest(tracks, a.Box).Id;
                westbound = Nearest(tracks, b.Box).Id;
            }

            if (i > 30)
            {
                Assert.Equal(eastbound, Nearest(tracks, a.Box).Id);
                Assert.Equal(westbound, Nearest(tracks, b.Box).Id);
            }
        }

        Assert.Equal(2, tracker.Tracks.Count);
    }

    [Fact]
    public void A_box_that_never_moves_and_has_no_motion_on_it_becomes_stationary_and_stops_counting()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        var signpost = Person(200, 150);
        for (var i = 0; i < 10; i++)
        {
            tracker.Update(At(i), [Jitter(signpost, i)]);
        }

        // Believed at first: nothing says yet that it is not a person standing there.
        Assert.Equal(1, tracker.PresentCount);

        for (var i = 10; i < 50; i++)
        {
            tracker.Update(At(i), [Jitter(signpost, i)]);
        }

        var track = Assert.Single(tracker.Tracks);
        Assert.True(track.IsStationary);
        Assert.False(track.ArrivedMoving);
        Assert.Equal(0, tracker.PresentCount);
    }

    [Fact]
    public void A_still_box_with_motion_on_it_keeps_counting()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        var standing = Person(200, 150);
        // Someone standing in place and moving their arms: small motion inside the box.
        var fidget = new MotionRegion(new Box(192, 125, 210, 150), 40);
        for (var i = 0; i < 100; i++)
        {
            tracker.Update(At(i), [Jitter(standing, i)], [fidget]);
        }

        Assert.False(Assert.Single(tracker.Tracks).IsStationary);
        Assert.Equal(1, tracker.PresentCount);
    }

    [Fact]
    public void A_person_who_walks_in_and_stops_stays_counted()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        for (var i = 0; i < 30; i++)
        {
            tracker.Update(At(i), [Person(50 + (5 * i), 150)]);
        }

        // Stands still for a minute with no motion on them.
        for (var i = 30; i < 630; i++)
        {
            tracker.Update(At(i), [Jitter(Person(195, 150), i)]);
        }

        var track = Assert.Single(tracker.Tracks);
        Assert.True(track.IsStationary);
        Assert.True(track.ArrivedMoving);
        Assert.Equal(1, tracker.PresentCount);
    }

    [Fact]
    public void A_stationary_object_seen_only_now_and_then_keeps_its_track_and_never_counts_again()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        var signpost = Person(200, 150);
        for (var i = 0; i < 50; i++)
        {
            tracker.Update(At(i), [Jitter(signpost, i)]);
        }

        var id = Assert.Single(tracker.Tracks).Id;
        for (var i = 50; i < 600; i++)
        {
            // Detected one frame in thirty, with gaps far longer than a moving track may coast.
            var seen = i % 30 == 0;
            tracker.Update(At(i), seen ? [Jitter(signpost, i)] : []);
            Assert.Equal(0, tracker.PresentCount);
        }

        Assert.Equal(id, Assert.Single(tracker.Tracks).Id);
    }

    [Fact]
    public void A_stationary_object_that_starts_to_move_counts_again()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        for (var i = 0; i < 50; i++)
        {
            tracker.Update(At(i), [Person(100, 150)]);
        }

        Assert.Equal(0, tracker.PresentCount);
        for (var i = 50; i < 70; i++)
        {
            tracker.Update(At(i), [Person(100 + (6 * (i - 49)), 150)]);
        }

        Assert.False(Assert.Single(tracker.Tracks).IsStationary);
        Assert.Equal(1, tracker.PresentCount);
    }

    [Fact]
    public void Between_detector_runs_the_track_coasts_on_its_velocity()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        for (var i = 0; i < 10; i++)
        {
            tracker.Update(At(i), [Person(50 + (6 * i), 150)]);
        }

        // Three frames without the detector: the box keeps walking at 6 px per frame.
        tracker.Coast(At(10));
        tracker.Coast(At(11));
        var track = Assert.Single(tracker.Coast(At(12)));

        Assert.InRange(track.Box.CenterX, 50 + (6 * 12) - 3, 50 + (6 * 12) + 3);
        Assert.True(track.IsCoasting);
        Assert.Equal(1, tracker.PresentCount);
    }

    [Fact]
    public void A_moving_track_without_detections_ends_after_the_coast_limit()
    {
        var tracker = new MultiObjectTracker(new TrackerOptions { MaxCoast = TimeSpan.FromSeconds(1) }, Picture);
        for (var i = 0; i < 10; i++)
        {
            tracker.Update(At(i), [Person(100 + (2 * i), 150)]);
        }

        tracker.Update(At(19), []);
        Assert.Single(tracker.Tracks);

        tracker.Update(At(21), []);
        Assert.Empty(tracker.Tracks);
    }

    [Fact]
    public void A_walker_leaving_the_picture_is_no_longer_counted()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        for (var i = 0; i < 10; i++)
        {
            tracker.Update(At(i), [Person(340 + (6 * i), 150)]);
        }

        Assert.Equal(1, tracker.PresentCount);
        tracker.Update(At(10), []);
        tracker.Update(At(11), []);

        Assert.Empty(tracker.Tracks);
    }

    [Fact]
    public void A_single_spurious_detection_never_counts()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        tracker.Update(At(0), []);
        tracker.Update(At(1), [Person(100, 150)]);
        Assert.Equal(0, tracker.PresentCount);

        tracker.Update(At(2), []);
        tracker.Update(At(6), []);

        Assert.Empty(tracker.Tracks);
    }

    [Fact]
    public void What_the_first_look_at_a_camera_finds_counts_at_once()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);

        tracker.Update(At(0), [Person(100, 150), Person(300, 150)]);

        Assert.Equal(2, tracker.PresentCount);
    }

    [Fact]
    public void Different_classes_are_never_joined()
    {
        var tracker = new MultiObjectTracker(bounds: Picture);
        tracker.Update(At(0), [Person(100, 150)]);
        tracker.Update(At(1), [Person(100, 150) with { Label = "car", ClassIndex = 2 }]);

        Assert.Equal(2, tracker.Tracks.Count);
    }

    private static TimeSpan At(int frame) => TimeSpan.FromSeconds(frame / Fps);

    private static DetectedObject Person(float cx, float cy, float height = 60) =>
        new(Box.FromCenter(cx, cy, height * 0.4f, height), 0, "person", 0.8f);

    // A detector's box on a still object wobbles by a pixel or two from frame to frame.
    private static DetectedObject Jitter(DetectedObject d, int frame) =>
        d with { Box = d.Box.Offset((frame % 3) - 1, ((frame * 7) % 5 / 2f) - 1) };

    private static Track Nearest(IReadOnlyList<Track> tracks, Box box) =>
        tracks.OrderByDescending(t => t.Box.IoU(box)).First();
}
