using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Motion;
using DetectedObject = EdgeStation.Vision.Detection.Detection;

namespace EdgeStation.Vision.Tracking;

/// <summary>
/// Follows detected objects of one camera across frames: each track's box is predicted to the new
/// frame's time (constant velocity), detections are joined to tracks by overlap with that prediction
/// (or, failing it, by nearness of centres), greedily best first with confirmed tracks preferred;
/// what is left starts new tracks. Between detector runs <see cref="Coast"/> only moves the
/// predictions, so the detector can run on some frames and the count holds on the others.
/// Stationary objects (not moved, no motion on them, for <see cref="TrackerOptions.StationaryAfter"/>)
/// stay tracked but do not count as present unless they were seen arriving.
/// </summary>
public sealed class MultiObjectTracker
{
    private readonly TrackerOptions options;
    private readonly Box? bounds;
    private readonly List<Track> tracks = [];
    private readonly List<(float Score, int Track, int Detection)> pairs = [];
    private int nextId = 1;
    private long updates;

    /// <param name="bounds">The frame: a track whose predicted centre leaves it has left the picture.</param>
    public MultiObjectTracker(TrackerOptions? options = null, Box? bounds = null)
    {
        this.options = options ?? new TrackerOptions();
        this.bounds = bounds;
    }

    public TrackerOptions Options => options;

    /// <summary>Live tracks (tentative ones included), oldest first.</summary>
    public IReadOnlyList<Track> Tracks => tracks;

    /// <summary>How many objects count as present now.</summary>
    public int PresentCount
    {
        get
        {
            var n = 0;
            foreach (var t in tracks)
            {
                n += t.IsPresent ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>A frame the detector ran on: predict, join detections, start tracks, age out the lost.</summary>
    public IReadOnlyList<Track> Update(TimeSpan now, IReadOnlyList<DetectedObject> detections, IReadOnlyList<MotionRegion>? motion = null)
    {
        foreach (var t in tracks)
        {
            t.Predict(now);
        }

        var taken = Associate(detections);
        for (var i = 0; i < detections.Count; i++)
        {
            if (!taken[i])
            {
                // What the first look at a camera finds is believed at once (as ByteTrack does): there
                // is no history yet to confirm it against, and waiting would show an empty square.
                tracks.Add(new Track(nextId++, detections[i].Box, detections[i].Label, now, options, confirmed: updates == 0));
            }
        }

        updates++;

        Finish(now, motion);
        return tracks;
    }

    /// <summary>A frame the detector skipped: predictions move on, motion is still noted.</summary>
    public IReadOnlyList<Track> Coast(TimeSpan now, IReadOnlyList<MotionRegion>? motion = null)
    {
        foreach (var t in tracks)
        {
            t.Predict(now);
        }

        Finish(now, motion);
        return tracks;
    }

    private bool[] Associate(IReadOnlyList<DetectedObject> detections)
    {
        pairs.Clear();
        for (var ti = 0; ti < tracks.Count; ti++)
        {
            var t = tracks[ti];
            var predicted = t.Box;
            for (var di = 0; di < detections.Count; di++)
            {
                var d = detections[di];
                if (!string.Equals(d.Label, t.Label, StringComparison.Ordinal))
                {
                    continue;
                }

                var score = predicted.IoU(d.Box);
                if (score < options.MinIoU)
                {
                    var dx = predicted.CenterX - d.Box.CenterX;
                    var dy = predicted.CenterY - d.Box.CenterY;
                    var distance = MathF.Sqrt((dx * dx) + (dy * dy)) / Math.Max(1, t.Height);
                    if (distance > options.MaxCentreDistance)
                    {
                        continue;
                    }

                    // Below every overlap match: nearness only decides what overlap could not.
                    score = options.MinIoU * 0.99f * (1 - (distance / options.MaxCentreDistance));
                }

                // A believed track goes first: a fresh, maybe spurious track must not steal its detection.
                pairs.Add((score + (t.IsConfirmed ? 1 : 0), ti, di));
            }
        }

        pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
        var trackTaken = new bool[tracks.Count];
        var detectionTaken = new bool[detections.Count];
        foreach (var (_, ti, di) in pairs)
        {
            if (trackTaken[ti] || detectionTaken[di])
            {
                continue;
            }

            trackTaken[ti] = true;
            detectionTaken[di] = true;
            tracks[ti].Correct(detections[di].Box, tracks[ti].LastTime);
        }

        return detectionTaken;
    }

    private void Finish(TimeSpan now, IReadOnlyList<MotionRegion>? motion)
    {
        var boxes = motion is null || motion.Count == 0 ? [] : motion.Select(m => m.Box).ToArray();
        tracks.RemoveAll(t => t.IsExpired(now) || LeftThePicture(t));
        foreach (var t in tracks)
        {
            if (boxes.Length > 0)
            {
                t.Touch(boxes, now);
            }

            t.Settle(now);
        }
    }

    private bool LeftThePicture(Track t)
    {
        if (bounds is not { } b)
        {
            return false;
        }

        var box = t.Box;
        return box.CenterX < b.Left || box.CenterX >= b.Right || box.CenterY < b.Top || box.CenterY >= b.Bottom;
    }
}
