using System.Runtime.Intrinsics;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Motion;

/// <summary>
/// Cheap motion first, so the detector runs only where something moves: a running-average
/// background of the shrunk gray picture, a threshold on the difference, moved pixels grouped into
/// cells and cells into connected regions. A change over most of the picture at once (lights on,
/// IR switch) resets the background instead of reporting motion everywhere.
/// The per-pixel work is Vector128 (SSE on x64, AdvSimd on ARM).
/// </summary>
public sealed class MotionDetector
{
    private readonly MotionOptions options;
    private float[] background = [];
    private byte[] moved = [];
    private byte[] gray = [];
    private int[] cellCounts = [];
    private int[] labels = [];
    private int[] stack = [];
    private int width;
    private int height;
    private bool primed;

    public MotionDetector(MotionOptions? options = null)
    {
        this.options = options ?? new MotionOptions();
    }

    public MotionOptions Options => options;

    /// <summary>Motion in a decoded frame; regions come back in the frame's own pixels.</summary>
    public MotionResult Detect(Frame frame)
    {
        var (w, h) = GrayDownscaler.SizeFor(frame.Width, frame.Height, options.Downscale);
        if (gray.Length != w * h)
        {
            gray = new byte[w * h];
        }

        GrayDownscaler.Downscale(frame, options.Downscale, gray);
        return DetectGray(gray, w, h, options.Downscale);
    }

    /// <summary>Motion in a gray picture already at motion scale; <paramref name="scale"/> maps regions back to frame pixels.</summary>
    public MotionResult DetectGray(ReadOnlySpan<byte> picture, int pictureWidth, int pictureHeight, int scale = 1)
    {
        var n = pictureWidth * pictureHeight;
        if (picture.Length < n)
        {
            throw new ArgumentException($"a {pictureWidth}x{pictureHeight} picture has {n} bytes", nameof(picture));
        }

        if (!primed || pictureWidth != width || pictureHeight != height)
        {
            Reset(picture, pictureWidth, pictureHeight);
            return MotionResult.None;
        }

        var changed = CompareAndUpdate(picture[..n]);
        var fraction = (float)changed / n;
        if (fraction > options.RecalibrateAbove)
        {
            Reset(picture, pictureWidth, pictureHeight);
            return new MotionResult([], fraction, Recalibrated: true);
        }

        return new MotionResult(changed == 0 ? [] : Regions(scale), fraction, false);
    }

    private void Reset(ReadOnlySpan<byte> picture, int w, int h)
    {
        width = w;
        height = h;
        var n = w * h;
        if (background.Length != n)
        {
            background = new float[n];
            moved = new byte[n];
        }

        for (var i = 0; i < n; i++)
        {
            background[i] = picture[i];
        }

        primed = true;
    }

    // Marks moved pixels (1/0) and moves the background towards the picture; returns how many moved.
    private int CompareAndUpdate(ReadOnlySpan<byte> picture)
    {
        var n = picture.Length;
        var rate = Vector128.Create(options.BackgroundRate);
        var movedRate = Vector128.Create(options.BackgroundRate * options.MovedRateShare);
        var threshold = Vector128.Create(options.Threshold);
        var one = Vector128<uint>.One;
        var count = Vector128<uint>.Zero;
        var bg = background.AsSpan();
        var i = 0;
        for (; i <= n - 16; i += 16)
        {
            var bytes = Vector128.Create(picture.Slice(i, 16));
            var (lo16, hi16) = Vector128.Widen(bytes);
            var (a, b) = Vector128.Widen(lo16);
            var (c, d) = Vector128.Widen(hi16);
            var m0 = Step(Vector128.ConvertToSingle(a), bg.Slice(i, 4), rate, movedRate, threshold);
            var m1 = Step(Vector128.ConvertToSingle(b), bg.Slice(i + 4, 4), rate, movedRate, threshold);
            var m2 = Step(Vector128.ConvertToSingle(c), bg.Slice(i + 8, 4), rate, movedRate, threshold);
            var m3 = Step(Vector128.ConvertToSingle(d), bg.Slice(i + 12, 4), rate, movedRate, threshold);
            count += (m0 & one) + (m1 & one) + (m2 & one) + (m3 & one);
            var lo = Vector128.Narrow(m0 & one, m1 & one);
            var hi = Vector128.Narrow(m2 & one, m3 & one);
            Vector128.Narrow(lo, hi).CopyTo(moved.AsSpan(i, 16));
        }

        var total = (int)Vector128.Sum(count);
        for (; i < n; i++)
        {
            var diff = picture[i] - background[i];
            var m = MathF.Abs(diff) > options.Threshold;
            moved[i] = m ? (byte)1 : (byte)0;
            total += m ? 1 : 0;
            background[i] += options.BackgroundRate * (m ? options.MovedRateShare : 1) * diff;
        }

        return total;
    }

    // Where something moved the background learns slowly, so a walker leaves no ghost behind
    // and an object that stops still fades into the background in time.
    private static Vector128<uint> Step(Vector128<float> current, Span<float> bg, Vector128<float> rate, Vector128<float> movedRate, Vector128<float> threshold)
    {
        var old = Vector128.Create((ReadOnlySpan<float>)bg);
        var diff = current - old;
        var mask = Vector128.GreaterThan(Vector128.Abs(diff), threshold);
        (old + (Vector128.ConditionalSelect(mask, movedRate, rate) * diff)).CopyTo(bg);
        return mask.AsUInt32();
    }

    // Moved pixels → cells that are full enough → 8-connected regions of cells.
    private List<MotionRegion> Regions(int scale)
    {
        var cell = options.CellSize;
        var cw = width / cell;
        var ch = height / cell;
        var cells = cw * ch;
        if (cellCounts.Length != cells)
        {
            cellCounts = new int[cells];
            labels = new int[cells];
            stack = new int[cells];
        }

        Array.Clear(cellCounts);
        Array.Clear(labels);
        for (var y = 0; y < ch * cell; y++)
        {
            var row = moved.AsSpan(y * width, cw * cell);
            var cellRow = (y / cell) * cw;
            for (var x = 0; x < row.Length; x++)
            {
                cellCounts[cellRow + (x / cell)] += row[x];
            }
        }

        var minFill = (int)MathF.Ceiling(options.CellFill * cell * cell);
        var regions = new List<MotionRegion>();
        var label = 0;
        for (var start = 0; start < cells; start++)
        {
            if (labels[start] != 0 || cellCounts[start] < minFill)
            {
                continue;
            }

            label++;
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1, size = 0, pixels = 0, top = 0;
            stack[top++] = start;
            labels[start] = label;
            while (top > 0)
            {
                var c = stack[--top];
                int cx = c % cw, cy = c / cw;
                size++;
                pixels += cellCounts[c];
                minX = Math.Min(minX, cx);
                maxX = Math.Max(maxX, cx);
                minY = Math.Min(minY, cy);
                maxY = Math.Max(maxY, cy);
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = cx + dx, ny = cy + dy;
                        if (nx < 0 || ny < 0 || nx >= cw || ny >= ch)
                        {
                            continue;
                        }

                        var nc = (ny * cw) + nx;
                        if (labels[nc] == 0 && cellCounts[nc] >= minFill)
                        {
                            labels[nc] = label;
                            stack[top++] = nc;
                        }
                    }
                }
            }

            if (size >= options.MinRegionCells)
            {
                var k = cell * scale;
                regions.Add(new MotionRegion(new Box(minX * k, minY * k, (maxX + 1) * k, (maxY + 1) * k), pixels));
            }
        }

        return regions;
    }
}
