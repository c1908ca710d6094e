using EdgeStation.Vision.Rules;
using DetectedObject = EdgeStation.Vision.Detection.Detection;

namespace EdgeStation.Vision.Tests.Accuracy;

/// <summary>
/// The baseline for "raw detector" line counts: each detection is joined to the previous frame's
/// detection it overlaps most (IoU ≥ 0.3), and a pair whose centres lie on two sides of the line is
/// a crossing. No prediction, no confirmation, no hysteresis: what a detector alone gives.
/// </summary>
public sealed class NaiveLineCounter(CountingLine line)
{
    private IReadOnlyList<DetectedObject> previous = [];

    public int Forward { get; private set; }

    public int Backward { get; private set; }

    public void Add(IReadOnlyList<DetectedObject> detections)
    {
        var used = new bool[previous.Count];
        foreach (var d in detections)
        {
            var best = -1;
            var bestIoU = 0.3f;
            for (var i = 0; i < previous.Count; i++)
            {
                var iou = previous[i].Box.IoU(d.Box);
                if (!used[i] && iou >= bestIoU)
                {
                    best = i;
                    bestIoU = iou;
                }
            }

            if (best < 0)
            {
                continue;
            }

            used[best] = true;
            var before = line.SignedDistance(previous[best].Box.CenterX, previous[best].Box.CenterY);
            var now = line.SignedDistance(d.Box.CenterX, d.Box.CenterY);
            var along = line.Along(d.Box.CenterX, d.Box.CenterY);
            if (before <= 0 && now > 0 && along is >= 0 and <= 1)
            {
                Forward++;
            }
            else if (before > 0 && now <= 0 && along is >= 0 and <= 1)
            {
                Backward++;
            }
        }

        previous = detections;
    }
}
