using EdgeStation.Vision.Detection;
using EdgeStation.Vision.Frames;
using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Motion;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Tamper;
using EdgeStation.Vision.Tracking;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Vision.Pipeline;

/// <summary>
/// One camera's analysis, frame by frame: motion first; the detector only when there is something
/// to look at and its turn has come (or motion appears where nothing is tracked); the tracker on
/// every frame (detections when the detector ran, its predictions otherwise); then counting lines and
/// zones; and, twice a second, the tamper checks.
/// A frame with no motion and nobody being followed costs only the motion step.
/// </summary>
public sealed class CameraPipeline
{
    private readonly IObjectDetector detector;
    private readonly PipelineOptions options;
    private readonly MotionDetector motion;
    private readonly MultiObjectTracker tracker;
    private readonly LineCounter[] lines;
    private readonly ZoneWatcher zones;
    private readonly TamperDetector? tamper;
    private readonly List<Box> unexplained = [];
    private readonly List<Box> unexplainedBefore = [];
    private int sinceDetection = int.MaxValue / 2;

    public CameraPipeline(IObjectDetector detector, int width, int height, PipelineOptions? options = null)
    {
        this.detector = detector;
        this.options = options ?? new PipelineOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.DetectEvery, 1);
        motion = new MotionDetector(this.options.Motion);
        tracker = new MultiObjectTracker(this.options.Tracker, new Box(0, 0, width, height));
        lines = [.. this.options.Lines.Select(l => new LineCounter(l))];
        zones = new ZoneWatcher(this.options.Zones, this.options.StationTime, this.options.Calendar, this.options.PersonLabel, this.options.Tracker.StationaryAfter);
        tamper = this.options.Tamper is { } t ? new TamperDetector(t) : null;
    }

    public MultiObjectTracker Tracker => tracker;

    public IReadOnlyList<LineCounter> Lines => lines;

    public ZoneWatcher Zones => zones;

    /// <summary>The tamper checks (null when turned off).</summary>
    public TamperDetector? Tamper => tamper;

    /// <summary>How many frames the detector ran on so far.</summary>
    public long DetectorRuns { get; private set; }

    public long FramesAnalysed { get; private set; }

    /// <summary>Analyses a frame dated <see cref="PipelineOptions.SourceStart"/> plus its timestamp (a recorded file).</summary>
    public FrameAnalysis Analyze(Frame frame) => Analyze(frame, options.SourceStart + frame.Timestamp);

    /// <summary>Analyses a frame taken at the wall-clock time <paramref name="at"/> (a live camera), which zone schedules are read at.</summary>
    public FrameAnalysis Analyze(Frame frame, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FramesAnalysed++;
        var moved = motion.Detect(frame);
        sinceDetection++;
        var detect = ShouldDetect(moved);
        IReadOnlyList<Track> tracks;
        if (detect)
        {
            tracks = tracker.Update(frame.Timestamp, detector.Detect(frame), moved.Regions);
            sinceDetection = 0;
            DetectorRuns++;
        }
        else
        {
            tracks = tracker.Coast(frame.Timestamp, moved.Regions);
        }

        IReadOnlyList<LineCrossing> crossings = [];
        foreach (var line in lines)
        {
            var crossed = line.Update(tracks, frame.Index, frame.Timestamp);
            if (crossed.Count > 0)
            {
                crossings = crossings.Count == 0 ? crossed : [.. crossings, .. crossed];
            }
        }

        var zoneEvents = zones.Update(tracks, frame.Index, frame.Timestamp, at);
        var tamperEvents = tamper?.Check(frame) ?? [];

        var persons = 0;
        var label = options.PersonLabel;
        foreach (var t in tracks)
        {
            persons += t.IsPresent && string.Equals(t.Label, label, StringComparison.Ordinal) ? 1 : 0;
        }

        return new FrameAnalysis(frame.Index, frame.Timestamp, persons, detect, moved.Regions.Count, moved.ChangedFraction, tracks.Count, crossings, zoneEvents, tamperEvents);
    }

    private bool ShouldDetect(MotionResult moved)
    {
        // Kept up on every frame, so "new" always means new since the frame before.
        var fresh = MotionOutsideTracks(moved) && options.DetectOnNewMotion;

        // The first frame has no motion yet (the background starts from it): look once anyway.
        if (FramesAnalysed == 1)
        {
            return true;
        }

        var following = false;
        foreach (var t in tracker.Tracks)
        {
            following |= !t.IsStationary;
        }

        return ((moved.HasMotion || following) && sinceDetection >= options.DetectEvery) || fresh;
    }

    // Motion no track explains, and that was not there (unexplained) in the frame before: someone
    // coming in. Motion that stays unexplained (a walker too far for the detector, swaying branches)
    // triggers once, not on every frame, so it cannot take the detector's cost back to every frame.
    private bool MotionOutsideTracks(MotionResult moved)
    {
        var fresh = false;
        unexplainedBefore.Clear();
        unexplainedBefore.AddRange(unexplained);
        unexplained.Clear();
        foreach (var region in moved.Regions)
        {
            if (tracker.Tracks.Any(t => t.Box.Intersects(region.Box)))
            {
                continue;
            }

            unexplained.Add(region.Box);
            fresh |= !unexplainedBefore.Any(b => b.Intersects(region.Box));
        }

        return fresh;
    }
}
