namespace EdgeStation.Vision.Detection;

/// <summary>Greedy non-maximum suppression per class: the best box wins, boxes of its class overlapping it too much go.</summary>
public static class NonMaximumSuppression
{
    public static List<Detection> Apply(List<Detection> candidates, float iouThreshold)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<Detection>();
        foreach (var c in candidates)
        {
            var suppressed = false;
            foreach (var k in kept)
            {
                if (k.ClassIndex == c.ClassIndex && k.Box.IoU(c.Box) > iouThreshold)
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                kept.Add(c);
            }
        }

        return kept;
    }
}
