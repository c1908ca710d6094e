using EdgeStation.Vision.Frames;

namespace EdgeStation.Vision.Motion;

/// <summary>Shrinks a frame by an integer factor to gray (box average; BT.601 luma weights for colour).</summary>
public static class GrayDownscaler
{
    public static (int Width, int Height) SizeFor(int width, int height, int factor) => (width / factor, height / factor);

    public static void Downscale(Frame frame, int factor, Span<byte> gray)
    {
        var (w, h) = SizeFor(frame.Width, frame.Height, factor);
        if (gray.Length < w * h)
        {
            throw new ArgumentException($"need {w * h} bytes for {w}x{h}", nameof(gray));
        }

        var src = frame.Pixels.AsSpan();
        var bpp = Frame.BytesPerPixel(frame.Layout);
        var stride = frame.Width * bpp;
        var n = factor * factor;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var sum = 0;
                for (var dy = 0; dy < factor; dy++)
                {
                    var row = src.Slice(((y * factor) + dy) * stride + (x * factor * bpp), factor * bpp);
                    if (bpp == 1)
                    {
                        foreach (var b in row)
                        {
                            sum += b;
                        }
                    }
                    else
                    {
                        for (var i = 0; i < row.Length; i += 3)
                        {
                            // b, g, r with 29/150/77 of 256.
                            sum += ((row[i] * 29) + (row[i + 1] * 150) + (row[i + 2] * 77)) >> 8;
                        }
                    }
                }

                gray[(y * w) + x] = (byte)(sum / n);
            }
        }
    }
}
