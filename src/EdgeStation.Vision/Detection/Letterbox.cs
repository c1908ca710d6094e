using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Detection;

/// <summary>
/// Fits a part of a frame into the model's input without distorting it, as YOLOX's own demo does:
/// one scale for both axes, the picture at the top left, the rest padded with one grey level; written
/// straight into the NCHW float tensor. <see cref="ToFrame"/> maps a box from input back to frame pixels.
/// </summary>
public readonly record struct Letterbox(float Scale, float OriginX, float OriginY)
{
    /// <summary>Fills <paramref name="tensor"/> (3 planes of inputWidth × inputHeight) from <paramref name="source"/> of the frame.</summary>
    public static Letterbox Fill(Frame frame, Box source, int inputWidth, int inputHeight, bool rgb, bool scaleToUnit, byte pad, Span<float> tensor)
    {
        var plane = inputWidth * inputHeight;
        if (tensor.Length < 3 * plane)
        {
            throw new ArgumentException($"need {3 * plane} floats", nameof(tensor));
        }

        var x0 = (int)Math.Clamp(MathF.Floor(source.Left), 0, frame.Width - 1);
        var y0 = (int)Math.Clamp(MathF.Floor(source.Top), 0, frame.Height - 1);
        var x1 = (int)Math.Clamp(MathF.Ceiling(source.Right), x0 + 1, frame.Width);
        var y1 = (int)Math.Clamp(MathF.Ceiling(source.Bottom), y0 + 1, frame.Height);
        int sw = x1 - x0, sh = y1 - y0;
        var scale = Math.Min((float)inputWidth / sw, (float)inputHeight / sh);
        var rw = Math.Min(inputWidth, (int)MathF.Round(sw * scale));
        var rh = Math.Min(inputHeight, (int)MathF.Round(sh * scale));
        var unit = scaleToUnit ? 1f / 255 : 1f;
        tensor[..(3 * plane)].Fill(pad * unit);

        var bpp = Frame.BytesPerPixel(frame.Layout);
        var stride = frame.Width * bpp;
        var px = frame.Pixels.AsSpan();
        // Output channel c takes frame byte order[c]: BGR frames feed BGR models as they are.
        int c0 = rgb ? 2 : 0, c2 = rgb ? 0 : 2;
        if (bpp == 1)
        {
            c0 = c2 = 0;
        }

        var c1 = bpp == 1 ? 0 : 1;
        var inv = 1 / scale;
        var xs = new int[rw * 2];
        var wx = new float[rw];
        for (var x = 0; x < rw; x++)
        {
            var fx = Math.Max(0, ((x + 0.5f) * inv) - 0.5f);
            var ix = Math.Min((int)fx, sw - 1);
            xs[2 * x] = (x0 + ix) * bpp;
            xs[(2 * x) + 1] = (x0 + Math.Min(ix + 1, sw - 1)) * bpp;
            wx[x] = fx - ix;
        }

        for (var y = 0; y < rh; y++)
        {
            var fy = Math.Max(0, ((y + 0.5f) * inv) - 0.5f);
            var iy = Math.Min((int)fy, sh - 1);
            var wy = fy - iy;
            var rowA = px.Slice((y0 + iy) * stride, stride);
            var rowB = px.Slice((y0 + Math.Min(iy + 1, sh - 1)) * stride, stride);
            var o = y * inputWidth;
            for (var x = 0; x < rw; x++)
            {
                int a = xs[2 * x], b = xs[(2 * x) + 1];
                var w = wx[x];
                tensor[o + x] = Bilinear(rowA, rowB, a + c0, b + c0, w, wy) * unit;
                tensor[plane + o + x] = Bilinear(rowA, rowB, a + c1, b + c1, w, wy) * unit;
                tensor[(2 * plane) + o + x] = Bilinear(rowA, rowB, a + c2, b + c2, w, wy) * unit;
            }
        }

        return new Letterbox(scale, x0, y0);
    }

    /// <summary>A box in model-input pixels back in frame pixels.</summary>
    public Box ToFrame(Box input) =>
        new((input.Left / Scale) + OriginX, (input.Top / Scale) + OriginY, (input.Right / Scale) + OriginX, (input.Bottom / Scale) + OriginY);

    private static float Bilinear(ReadOnlySpan<byte> rowA, ReadOnlySpan<byte> rowB, int a, int b, float wx, float wy)
    {
        var top = rowA[a] + ((rowA[b] - rowA[a]) * wx);
        var bottom = rowB[a] + ((rowB[b] - rowB[a]) * wx);
        return top + ((bottom - top) * wy);
    }
}
