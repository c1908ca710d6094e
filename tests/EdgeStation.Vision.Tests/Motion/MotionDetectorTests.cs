using EdgeStation.Vision.Motion;
using EdgeStation.Vision.Tests.Support;

namespace EdgeStation.Vision.Tests.Motion;

public sealed class MotionDetectorTests
{
    private const int Width = 320;
    private const int Height = 180;

    [Fact]
    public void A_still_noisy_scene_has_no_motion()
    {
        var motion = new MotionDetector(new MotionOptions { Downscale = 1 });

        var results = Enumerable.Range(0, 30).Select(i => motion.Detect(SyntheticFrames.Scene(i, Width, Height, 90, seed: i))).ToList();

        Assert.All(results, r => Assert.False(r.HasMotion));
    }

    [Fact]
    public void A_moving_square_is_one_region_that_follows_it()
    {
        var motion = new MotionDetector(new MotionOptions { Downscale = 1 });
        for (var i = 0; i < 10; i++)
        {
            motion.Detect(SyntheticFrames.Scene(i, Width, Height, 60, seed: i));
        }

        for (var step = 0; step < 20; step++)
        {
            var x = 40 + (step * 8);
            var result = motion.Detect(SyntheticFrames.Scene(10 + step, Width, Height, 60, seed: 100 + step, (x, 70, 24, 200)));

            var region = Assert.Single(result.Regions);
            Assert.False(result.Recalibrated);
            // The region holds the square where it is now (cells are 4 px, so allow their rounding),
            // and at most one step of trail behind it.
            Assert.InRange(x, region.Box.Left, region.Box.Left + 12);
            Assert.InRange(x + 24, region.Box.Right - 8, region.Box.Right + 4);
            Assert.InRange(70, region.Box.Top, region.Box.Top + 4);
        }
    }

    [Fact]
    public void Lights_switched_on_recalibrate_the_background_instead_of_reporting_motion()
    {
        var motion = new MotionDetector(new MotionOptions { Downscale = 1 });
        for (var i = 0; i < 10; i++)
        {
            motion.Detect(SyntheticFrames.Scene(i, Width, Height, 40, seed: i));
        }

        var switched = motion.Detect(SyntheticFrames.Scene(10, Width, Height, 150, seed: 10));
        var after = Enumerable.Range(11, 10).Select(i => motion.Detect(SyntheticFrames.Scene(i, Width, Height, 150, seed: i))).ToList();

        Assert.True(switched.Recalibrated);
        Assert.Empty(switched.Regions);
        Assert.All(after, r => Assert.False(r.HasMotion));
    }

    [Fact]
    public void A_square_moving_after_the_lights_changed_is_still_seen()
    {
        var motion = new MotionDetector(new MotionOptions { Downscale = 1 });
        for (var i = 0; i < 5; i++)
        {
            motion.Detect(SyntheticFrames.Scene(i, Width, Height, 40, seed: i));
        }

        motion.Detect(SyntheticFrames.Scene(5, Width, Height, 150, seed: 5));
        var moving = motion.Detect(SyntheticFrames.Scene(6, Width, Height, 150, seed: 6, (100, 50, 30, 250)));

        Assert.Single(moving.Regions);
    }

    [Fact]
    public void Bgr_frames_are_shrunk_and_regions_come_back_in_frame_pixels()
    {
        var motion = new MotionDetector(new MotionOptions { Downscale = 2 });
        var still = Bgr(0, null);
        motion.Detect(still);
        motion.Detect(Bgr(1, null));

        var result = motion.Detect(Bgr(2, (200, 100, 40)));

        var region = Assert.Single(result.Regions);
        Assert.InRange(200, region.Box.Left, region.Box.Left + 16);
        Assert.InRange(240, region.Box.Right - 16, region.Box.Right + 8);
    }

    private static EdgeStation.Vision.Frames.Frame Bgr(long index, (int X, int Y, int Size)? square)
    {
        const int w = 640, h = 360;
        var pixels = new byte[w * h * 3];
        Array.Fill(pixels, (byte)70);
        if (square is var (x0, y0, size))
        {
            for (var y = y0; y < y0 + size; y++)
            {
                pixels.AsSpan(((y * w) + x0) * 3, size * 3).Fill(230);
            }
        }

        return new EdgeStation.Vision.Frames.Frame(index, TimeSpan.Zero, w, h, EdgeStation.Vision.Frames.PixelLayout.Bgr24, pixels);
    }
}
