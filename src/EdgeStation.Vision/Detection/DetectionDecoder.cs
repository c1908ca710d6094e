using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Detection;

/// <summary>
/// Turns a model's raw output into scored boxes in model-input pixels (before NMS). For YOLOX's grid
/// output: cx = (x + grid_x) · stride, cy = (y + grid_y) · stride, w = e^w · stride, h = e^h · stride,
/// score = objectness · class score (both already sigmoid-ed), anchors for strides 8, 16, 32 in turn.
/// </summary>
public sealed class DetectionDecoder
{
    private static readonly int[] Strides = [8, 16, 32];
    private readonly DetectorOptions options;
    private readonly bool[] keep;
    private readonly int[] gridX;
    private readonly int[] gridY;
    private readonly int[] gridStride;

    public DetectionDecoder(DetectorOptions options)
    {
        this.options = options;
        keep = new bool[options.Classes.Count];
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = options.Keep.Count == 0 || options.Keep.Contains(options.Classes[i]);
        }

        var n = 0;
        foreach (var s in Strides)
        {
            n += (options.InputWidth / s) * (options.InputHeight / s);
        }

        gridX = new int[n];
        gridY = new int[n];
        gridStride = new int[n];
        var a = 0;
        foreach (var s in Strides)
        {
            for (var y = 0; y < options.InputHeight / s; y++)
            {
                for (var x = 0; x < options.InputWidth / s; x++, a++)
                {
                    gridX[a] = x;
                    gridY[a] = y;
                    gridStride[a] = s;
                }
            }
        }
    }

    /// <summary>Anchors a YOLOX grid output has for this input size.</summary>
    public int GridAnchors => gridX.Length;

    /// <summary>Candidates above the score threshold; <paramref name="shape"/> is the output tensor's shape.</summary>
    public List<Detection> Decode(ReadOnlySpan<float> output, ReadOnlySpan<long> shape, Letterbox letterbox)
    {
        var classes = options.Classes.Count;
        var found = new List<Detection>();
        if (options.Layout == OutputLayout.CenterSizeTransposed)
        {
            Expect(shape, 4 + classes, transposed: true);
            var anchors = (int)shape[2];
            for (var a = 0; a < anchors; a++)
            {
                var (cls, score) = Best(output, 4 * anchors + a, anchors, 1f);
                if (cls >= 0)
                {
                    var box = Box.FromCenter(output[a], output[anchors + a], output[(2 * anchors) + a], output[(3 * anchors) + a]);
                    found.Add(new Detection(letterbox.ToFrame(box), cls, options.Classes[cls], score));
                }
            }

            return found;
        }

        Expect(shape, 5 + classes, transposed: false);
        var rows = (int)shape[1];
        var width = 5 + classes;
        if (options.Layout == OutputLayout.YoloxGrid && rows != gridX.Length)
        {
            throw new InvalidOperationException($"the model gives {rows} anchors; a YOLOX grid for {options.InputWidth}x{options.InputHeight} has {gridX.Length}");
        }

        for (var a = 0; a < rows; a++)
        {
            var row = output.Slice(a * width, width);
            var objectness = row[4];
            if (objectness < options.ScoreThreshold)
            {
                continue; // score = objectness × class ≤ objectness
            }

            var (cls, score) = Best(row, 5, 1, objectness);
            if (cls < 0)
            {
                continue;
            }

            Box box;
            if (options.Layout == OutputLayout.YoloxGrid)
            {
                float s = gridStride[a];
                box = Box.FromCenter((row[0] + gridX[a]) * s, (row[1] + gridY[a]) * s, MathF.Exp(row[2]) * s, MathF.Exp(row[3]) * s);
            }
            else
            {
                box = Box.FromCenter(row[0], row[1], row[2], row[3]);
            }

            found.Add(new Detection(letterbox.ToFrame(box), cls, options.Classes[cls], score));
        }

        return found;
    }

    // The best kept class among scores at start, start + step, …; (-1, 0) when none reaches the threshold.
    private (int Class, float Score) Best(ReadOnlySpan<float> data, int start, int step, float factor)
    {
        var best = -1;
        var bestScore = options.ScoreThreshold;
        for (var c = 0; c < keep.Length; c++)
        {
            if (!keep[c])
            {
                continue;
            }

            var score = data[start + (c * step)] * factor;
            if (score >= bestScore)
            {
                best = c;
                bestScore = score;
            }
        }

        return best < 0 ? (-1, 0) : (best, bestScore);
    }

    private void Expect(ReadOnlySpan<long> shape, int values, bool transposed)
    {
        var ok = shape.Length == 3 && shape[0] == 1 && (transposed ? shape[1] == values : shape[2] == values);
        if (!ok)
        {
            throw new InvalidOperationException(
                $"output shape [{string.Join(", ", shape.ToArray())}] does not fit {options.Layout} with {options.Classes.Count} classes");
        }
    }
}
