using EdgeStation.Domain.Calendar;
using EdgeStation.Vision.Motion;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Tamper;
using EdgeStation.Vision.Tracking;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Vision.Pipeline;

/// <summary>How one camera's frames are analysed: motion, when the detector runs, tracking, counting lines.</summary>
public sealed record PipelineOptions
{
    /// <summary>
    /// The detector runs on every this-many analysed frames while there is something to look at
    /// (motion, or people being followed); the tracker predicts the frames between. 2 at 10 fps is
    /// five detector runs a second, enough to follow a walker; see docs/vision.md for the trade.
    /// </summary>
    public int DetectEvery { get; init; } = 2;

    /// <summary>Also run the detector at once when motion appears where no track is (someone coming in).</summary>
    public bool DetectOnNewMotion { get; init; } = true;

    /// <summary>The class that counts as people.</summary>
    public string PersonLabel { get; init; } = "person";

    public MotionOptions Motion { get; init; } = new();

    public TrackerOptions Tracker { get; init; } = new();

    /// <summary>Counting lines, in the pixels of the analysed frames.</summary>
    public IReadOnlyList<CountingLine> Lines { get; init; } = [];

    /// <summary>Zones with their schedules and dwell times, in the pixels of the analysed frames.</summary>
    public IReadOnlyList<CameraZone> Zones { get; init; } = [];

    /// <summary>The station's time zone, in which zone schedules are read.</summary>
    public StationTime StationTime { get; init; } = new("Asia/Shanghai");

    /// <summary>The holiday calendar zone schedules follow.</summary>
    public HolidayCalendar Calendar { get; init; } = HolidayCalendar.Official;

    /// <summary>
    /// The wall-clock time of the source's first frame, when <see cref="CameraPipeline.Analyze(Frames.Frame)"/> is not
    /// given one: a recorded file's frames are dated from it (`camera analyze --at`).
    /// </summary>
    public DateTimeOffset SourceStart { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>Tamper checks (covered, defocused, moved); null turns them off.</summary>
    public TamperOptions? Tamper { get; init; } = new();
}
