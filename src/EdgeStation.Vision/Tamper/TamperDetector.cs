using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Motion;

namespace EdgeStation.Vision.Tamper;

/// <summary>
/// Camera tamper checks (防遮挡 / 防虚焦 / 防移位) on a small gray copy of the picture, twice a second of stream time:
/// <list type="bullet">
/// <item>covered: the picture is nearly flat (its standard deviation is tiny), whatever the reference;</item>
/// <item>defocused: its detail — the variance of the Laplacian divided by the picture's own variance, so that dusk or a
/// dimmer light does not look like blur — fell below a share of the reference's;</item>
/// <item>moved: its correlation with the reference picture (normalised, so brightness changes cancel; taken at half
/// the check size, so a shake of a pixel or two does not count) fell low.</item>
/// </list>
/// The reference is the first normal picture, renewed from a normal one every <see cref="TamperOptions.ReferenceRefresh"/>.
/// A condition is reported once it has held for <see cref="TamperOptions.HoldFor"/> and cleared once it has been gone as long.
/// "Stream lost" is not seen in pictures: the camera's runner reports it from the frame source.
/// </summary>
public sealed class TamperDetector
{
    private readonly TamperOptions options;
    private byte[] gray = [];
    private float[] coarse = [];
    private float[] reference = [];
    private double referenceDetail;
    private TimeSpan referenceAt;
    private bool hasReference;
    private TimeSpan? lastCheck;
    private TamperKind? pending;
    private TimeSpan pendingSince;
    private bool pendingSeen;

    public TamperDetector(TamperOptions? options = null)
    {
        this.options = options ?? new TamperOptions();
    }

    /// <summary>The condition reported and not yet cleared, if any.</summary>
    public TamperKind? Active { get; private set; }

    /// <summary>The last check's figures, for status pages and tuning.</summary>
    public TamperReading? LastReading { get; private set; }

    /// <summary>Checks the frame if a check is due; returns the conditions that began or ended with it.</summary>
    public IReadOnlyList<TamperEvent> Check(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (lastCheck is { } last && frame.Timestamp - last < options.CheckEvery && frame.Timestamp >= last)
        {
            return [];
        }

        lastCheck = frame.Timestamp;
        var reading = Read(frame);
        LastReading = reading;
        var (found, measure) = Judge(reading);

        if (found is null && Active is null
            && (!hasReference || frame.Timestamp - referenceAt >= options.ReferenceRefresh || frame.Timestamp < referenceAt))
        {
            TakeReference(reading.Detail, frame.Timestamp);
        }

        if (!pendingSeen || found != pending)
        {
            pending = found;
            pendingSince = frame.Timestamp;
            pendingSeen = true;
        }

        if (found == Active || frame.Timestamp - pendingSince < options.HoldFor)
        {
            return [];
        }

        var events = new List<TamperEvent>(2);
        if (Active is { } before)
        {
            events.Add(new TamperEvent(before, Cleared: true, measure, frame.Index, frame.Timestamp));
        }

        Active = found;
        if (found is { } now)
        {
            events.Add(new TamperEvent(now, Cleared: false, measure, frame.Index, frame.Timestamp));
        }

        return events;
    }

    private (TamperKind? Kind, double Measure) Judge(TamperReading r)
    {
        if (r.StdDev < options.CoveredStdDev)
        {
            return (TamperKind.Covered, r.StdDev);
        }

        if (!hasReference)
        {
            return (null, r.StdDev);
        }

        if (referenceDetail >= options.MinReferenceDetail)
        {
            var share = r.Detail / referenceDetail;
            if (share < options.DefocusShare)
            {
                return (TamperKind.Defocused, share);
            }
        }

        var correlation = Correlation(coarse, reference);
        LastReading = r with { Correlation = correlation };
        return correlation < options.MovedCorrelation ? (TamperKind.Moved, correlation) : (null, correlation);
    }

    private TamperReading Read(Frame frame)
    {
        var factor = Math.Max(1, frame.Width / options.CheckWidth);
        var (w, h) = GrayDownscaler.SizeFor(frame.Width, frame.Height, factor);
        if (gray.Length != w * h)
        {
            gray = new byte[w * h];
            coarse = new float[(w / 2) * (h / 2)];
            hasReference = false;
        }

        GrayDownscaler.Downscale(frame, factor, gray);
        double sum = 0, squares = 0;
        foreach (var g in gray)
        {
            sum += g;
            squares += g * g;
        }

        var n = gray.Length;
        var mean = sum / n;
        var variance = Math.Max(0, (squares / n) - (mean * mean));

        // 4-neighbour Laplacian over the inner pixels.
        double lSum = 0, lSquares = 0;
        var count = 0;
        for (var y = 1; y < h - 1; y++)
        {
            var row = y * w;
            for (var x = 1; x < w - 1; x++)
            {
                var i = row + x;
                double l = gray[i - 1] + gray[i + 1] + gray[i - w] + gray[i + w] - (4 * gray[i]);
                lSum += l;
                lSquares += l * l;
                count++;
            }
        }

        var lMean = count > 0 ? lSum / count : 0;
        var laplacian = count > 0 ? Math.Max(0, (lSquares / count) - (lMean * lMean)) : 0;

        var cw = w / 2;
        for (var y = 0; y < h / 2; y++)
        {
            for (var x = 0; x < cw; x++)
            {
                var i = (2 * y * w) + (2 * x);
                coarse[(y * cw) + x] = (gray[i] + gray[i + 1] + gray[i + w] + gray[i + w + 1]) / 4f;
            }
        }

        return new TamperReading(mean, Math.Sqrt(variance), laplacian / Math.Max(variance, 1), null);
    }

    private void TakeReference(double detail, TimeSpan at)
    {
        if (reference.Length != coarse.Length)
        {
            reference = new float[coarse.Length];
        }

        coarse.CopyTo(reference, 0);
        referenceDetail = detail;
        referenceAt = at;
        hasReference = true;
    }

    // Pearson correlation of two pictures of the same size.
    private static double Correlation(float[] a, float[] b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= b.Length;
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - ma;
            var db = b[i] - mb;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }

        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
    }
}
