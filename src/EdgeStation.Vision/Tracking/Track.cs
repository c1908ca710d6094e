using EdgeStation.Vision.Geometry;

namespace EdgeStation.Vision.Tracking;

/// <summary>
/// One object followed across frames. Its id is stable for as long as the tracker keeps it; ids are
/// per camera and say nothing about who anyone is (cameras count, never identify).
/// </summary>
public sealed class Track
{
    private readonly TrackerOptions options;
    private KalmanAxis x;
    private KalmanAxis y;
    private float width;
    private float height;
    private float restX;
    private float restY;
    private readonly float bornX;
    private readonly float bornY;

    internal Track(int id, Box box, string label, TimeSpan now, TrackerOptions options, bool confirmed = false)
    {
        this.options = options;
        Id = id;
        Label = label;
        width = box.Width;
        height = Math.Max(1, box.Height);
        var r = Sq(options.MeasurementNoise * height);
        // A new track's speed is unknown: about one body height per second either way.
        x = new KalmanAxis(box.CenterX, r, Sq(height));
        y = new KalmanAxis(box.CenterY, r, Sq(height));
        bornX = restX = box.CenterX;
        bornY = restY = box.CenterY;
        FirstSeen = LastSeen = RestingSince = LastTime = now;
        Hits = confirmed ? Math.Max(1, options.MinHits) : 1;
    }

    public int Id { get; }

    /// <summary>The detector's class of the object.</summary>
    public string Label { get; }

    /// <summary>Where the track is now: the filtered position after a detection, the prediction between them.</summary>
    public Box Box => Box.FromCenter(x.Position, y.Position, width, height);

    /// <summary>Centre velocity in pixels per second.</summary>
    public (float X, float Y) Velocity => (x.Velocity, y.Velocity);

    public int Hits { get; private set; }

    public TimeSpan FirstSeen { get; }

    /// <summary>Time of the last detection that joined the track.</summary>
    public TimeSpan LastSeen { get; private set; }

    /// <summary>Time of the last update or prediction.</summary>
    public TimeSpan LastTime { get; private set; }

    /// <summary>Since when the box has not moved and no motion has touched it.</summary>
    public TimeSpan RestingSince { get; private set; }

    /// <summary>Enough detections to be believed.</summary>
    public bool IsConfirmed => Hits >= options.MinHits;

    /// <summary>Has not moved for <see cref="TrackerOptions.StationaryAfter"/> with no motion on it: furniture, a signpost, a parked cart.</summary>
    public bool IsStationary { get; private set; }

    /// <summary>Seen travelling (not just appearing in place): a person who walked in and then stopped still counts.</summary>
    public bool ArrivedMoving { get; private set; }

    /// <summary>Counts as present: confirmed, and either moving or seen arriving as a moving object.</summary>
    public bool IsPresent => IsConfirmed && (!IsStationary || ArrivedMoving);

    /// <summary>The box is only predicted: no detection joined the track at its last step.</summary>
    public bool IsCoasting => LastTime > LastSeen;

    internal float Height => height;

    internal void Predict(TimeSpan now)
    {
        var dt = (float)(now - LastTime).TotalSeconds;
        if (dt <= 0)
        {
            return;
        }

        var q = Sq(options.AccelerationNoise * height);
        x.Predict(dt, q);
        y.Predict(dt, q);
        LastTime = now;
    }

    internal void Correct(Box box, TimeSpan now)
    {
        var r = Sq(options.MeasurementNoise * Math.Max(1, box.Height));
        x.Correct(box.CenterX, r);
        y.Correct(box.CenterY, r);
        var a = options.SizeSmoothing;
        width += a * (box.Width - width);
        height += a * (Math.Max(1, box.Height) - height);
        Hits++;
        LastSeen = now;
        LastTime = now;

        // Movement is judged on the detections, not the prediction, so a coasting track never "moves" by itself.
        if (Distance(box.CenterX, box.CenterY, restX, restY) > options.StillTolerance * height)
        {
            restX = box.CenterX;
            restY = box.CenterY;
            RestingSince = now;
            IsStationary = false;
        }

        if (IsConfirmed && Distance(box.CenterX, box.CenterY, bornX, bornY) > options.ArrivalDistance * height)
        {
            ArrivedMoving = true;
        }
    }

    /// <summary>Motion covering the box keeps a not-yet-stationary object awake; a stationary one wakes only by moving itself.</summary>
    internal void Touch(IReadOnlyList<Box> motion, TimeSpan now)
    {
        if (IsStationary)
        {
            return;
        }

        var box = Box;
        var area = Math.Max(1, box.Area);
        foreach (var m in motion)
        {
            if (box.IntersectionArea(m) >= options.MotionTouchShare * area)
            {
                RestingSince = now;
                return;
            }
        }
    }

    internal void Settle(TimeSpan now)
    {
        if (!IsStationary && IsConfirmed && now - RestingSince >= options.StationaryAfter)
        {
            IsStationary = true;
        }
    }

    internal bool IsExpired(TimeSpan now)
    {
        var limit = !IsConfirmed ? options.MaxTentativeCoast : IsStationary ? options.StationaryMaxCoast : options.MaxCoast;
        return now - LastSeen > limit;
    }

    private static float Sq(float v) => v * v;

    private static float Distance(float ax, float ay, float bx, float by) => MathF.Sqrt(Sq(ax - bx) + Sq(ay - by));
}
