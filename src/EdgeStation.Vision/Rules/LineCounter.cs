using EdgeStation.Vision.Tracking;

namespace EdgeStation.Vision.Rules;

/// <summary>
/// Counts confirmed tracks crossing one line, by direction. Each track's side is remembered only once
/// its centre is clearly off the line (<see cref="MarginShare"/> of its height), so a walker
/// dawdling on the line or a box wobbling across it counts once, not at every wobble.
/// </summary>
public sealed class LineCounter
{
    private readonly Dictionary<int, int> sides = [];
    private readonly HashSet<int> seen = [];

    public LineCounter(CountingLine line, float marginShare = 0.1f)
    {
        Line = line;
        MarginShare = marginShare;
    }

    public CountingLine Line { get; }

    /// <summary>How far from the line (share of the object's height) a centre must be to be on a side.</summary>
    public float MarginShare { get; }

    public int Forward { get; private set; }

    public int Backward { get; private set; }

    public int Total => Forward + Backward;

    /// <summary>The crossings made since the last call by the given tracks (the tracker's live ones).</summary>
    public IReadOnlyList<LineCrossing> Update(IReadOnlyList<Track> tracks, long frame, TimeSpan time)
    {
        List<LineCrossing>? crossings = null;
        seen.Clear();
        foreach (var t in tracks)
        {
            seen.Add(t.Id);
            var box = t.Box;
            float cx = box.CenterX, cy = box.CenterY;
            var distance = Line.SignedDistance(cx, cy);
            if (MathF.Abs(distance) < MarginShare * box.Height)
            {
                continue;
            }

            var side = distance > 0 ? 1 : -1;
            if (!sides.TryGetValue(t.Id, out var before))
            {
                sides[t.Id] = side;
                continue;
            }

            if (side == before)
            {
                continue;
            }

            sides[t.Id] = side;
            var along = Line.Along(cx, cy);
            // A tentative track (maybe a false detection) moves the side but counts nothing.
            if (!t.IsConfirmed || along < 0 || along > 1)
            {
                continue;
            }

            var direction = side > 0 ? LineDirection.Forward : LineDirection.Backward;
            if (direction == LineDirection.Forward)
            {
                Forward++;
            }
            else
            {
                Backward++;
            }

            (crossings ??= []).Add(new LineCrossing(Line.Name, t.Id, t.Label, direction, frame, time));
        }

        // Tracks the tracker has ended are forgotten.
        if (sides.Count > seen.Count)
        {
            foreach (var id in sides.Keys.Where(id => !seen.Contains(id)).ToList())
            {
                sides.Remove(id);
            }
        }

        return crossings ?? (IReadOnlyList<LineCrossing>)[];
    }
}
