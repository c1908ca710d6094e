using EdgeStation.Vision.Frames;

namespace EdgeStation.Vision.Tests.Support;

/// <summary>Gray frames drawn in code: a flat scene with seeded sensor noise and optional squares.</summary>
public static class SyntheticFrames
{
    public static Frame Scene(long index, int width, int height, byte level, int seed, params (int X, int Y, int Size, byte Level)[] squares)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            // ±4 levels of noise, like a compressed camera picture.
            pixels[i] = (byte)Math.Clamp(level + random.Next(-4, 5), 0, 255);
        }

        foreach (var (x0, y0, size, l) in squares)
        {
            for (var y = Math.Max(0, y0); y < Math.Min(height, y0 + size); y++)
            {
                for (var x = Math.Max(0, x0); x < Math.Min(width, x0 + size); x++)
                {
                    pixels[(y * width) + x] = l;
                }
            }
        }

        return new Frame(index, TimeSpan.FromSeconds(index / 10.0), width, height, PixelLayout.Gray8, pixels);
    }
}
