using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Tamper;

namespace EdgeStation.Vision.Tests.Tamper;

// A textured synthetic scene (8×8-pixel blocks of random grey, 416×312, with ±4 levels of sensor noise per frame)
// at 10 fps; after 5 s of the scene something happens to the camera for 10 s, then the scene comes back.
public sealed class TamperDetectorTests
{
    private const int Width = 416;
    private const int Height = 312;
    private static readonly byte[] Scene = Blocks(seed: 11);

    [Fact]
    public void A_steady_scene_raises_nothing()
    {
        Assert.Empty(Run(_ => Scene, seconds: 30));
    }

    [Fact]
    public void A_black_picture_is_covered_after_the_hold_time_and_cleared_when_the_scene_returns()
    {
        var events = Run(t => t is >= 5 and < 15 ? Flat(3) : Scene, seconds: 25);

        Assert.Equal([(TamperKind.Covered, false), (TamperKind.Covered, true)], events.Select(e => (e.Kind, e.Cleared)));
        Assert.InRange(events[0].Time.TotalSeconds, 8, 8.6);
        Assert.InRange(events[1].Time.TotalSeconds, 18, 18.6);
    }

    [Fact]
    public void A_hand_or_cloth_over_the_lens_is_covered_too_though_not_black()
    {
        var events = Run(t => t is >= 5 and < 15 ? Flat(140) : Scene, seconds: 15);

        Assert.Equal(TamperKind.Covered, Assert.Single(events).Kind);
    }

    [Fact]
    public void A_blurred_picture_is_defocused()
    {
        var blurred = BoxBlur(Scene, radius: 8);

        var events = Run(t => t is >= 5 and < 15 ? blurred : Scene, seconds: 15);

        var e = Assert.Single(events);
        Assert.Equal(TamperKind.Defocused, e.Kind);
        Assert.True(e.Measure < 0.3, $"detail share {e.Measure}");
    }

    [Fact]
    public void A_shifted_picture_is_moved()
    {
        var shifted = Shift(Scene, dx: 64, dy: 24);

        var events = Run(t => t >= 5 ? shifted : Scene, seconds: 15);

        var e = Assert.Single(events);
        Assert.Equal(TamperKind.Moved, e.Kind);
        Assert.True(e.Measure < 0.5, $"correlation {e.Measure}");
    }

    [Fact]
    public void Lights_dimming_to_half_or_a_shake_of_two_pixels_is_not_tampering()
    {
        var dim = Scene.Select(b => (byte)(b / 2)).ToArray();
        var shaken = Shift(Scene, dx: 2, dy: 1);

        Assert.Empty(Run(t => t is >= 5 and < 15 ? dim : t >= 15 ? shaken : Scene, seconds: 25));
    }

    [Fact]
    public void A_glimpse_shorter_than_the_hold_time_is_not_reported()
    {
        // A bird or a hand passing the lens for 2 s.
        Assert.Empty(Run(t => t is >= 5 and < 7 ? Flat(3) : Scene, seconds: 15));
    }

    [Fact]
    public void A_camera_that_starts_covered_is_reported_without_a_reference()
    {
        var events = Run(t => t < 10 ? Flat(0) : Scene, seconds: 20);

        Assert.Equal([(TamperKind.Covered, false), (TamperKind.Covered, true)], events.Select(e => (e.Kind, e.Cleared)));
    }

    private static List<TamperEvent> Run(Func<double, byte[]> picture, double seconds)
    {
        var detector = new TamperDetector();
        var events = new List<TamperEvent>();
        var noise = new Random(5);
        for (var i = 0; i < seconds * 10; i++)
        {
            var source = picture(i / 10.0);
            var pixels = new byte[source.Length];
            for (var p = 0; p < pixels.Length; p++)
            {
                pixels[p] = (byte)Math.Clamp(source[p] + noise.Next(-4, 5), 0, 255);
            }

            events.AddRange(detector.Check(new Frame(i, TimeSpan.FromSeconds(i / 10.0), Width, Height, PixelLayout.Gray8, pixels)));
        }

        return events;
    }

    private static byte[] Blocks(int seed)
    {
        var random = new Random(seed);
        var levels = new byte[(Width / 8) * (Height / 8)];
        random.NextBytes(levels);
        var pixels = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                pixels[(y * Width) + x] = (byte)(40 + (levels[((y / 8) * (Width / 8)) + (x / 8)] * 175 / 255));
            }
        }

        return pixels;
    }

    private static byte[] Flat(byte level) => Enumerable.Repeat(level, Width * Height).ToArray();

    private static byte[] Shift(byte[] source, int dx, int dy)
    {
        var pixels = new byte[source.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                pixels[(y * Width) + x] = source[(((y + dy) % Height) * Width) + ((x + dx) % Width)];
            }
        }

        return pixels;
    }

    private static byte[] BoxBlur(byte[] source, int radius)
    {
        var pixels = new byte[source.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                int sum = 0, n = 0;
                for (var yy = Math.Max(0, y - radius); yy <= Math.Min(Height - 1, y + radius); yy++)
                {
                    for (var xx = Math.Max(0, x - radius); xx <= Math.Min(Width - 1, x + radius); xx++)
                    {
                        sum += source[(yy * Width) + xx];
                        n++;
                    }
                }

                pixels[(y * Width) + x] = (byte)(sum / n);
            }
        }

        return pixels;
    }
}
