namespace EdgeStation.Vision.Geometry;

/// <summary>An axis-aligned box in frame pixels, left/top inclusive, right/bottom exclusive.</summary>
public readonly record struct Box(float Left, float Top, float Right, float Bottom)
{
    public float Width => Math.Max(0, Right - Left);

    public float Height => Math.Max(0, Bottom - Top);

    public float Area => Width * Height;

    public float CenterX => (Left + Right) / 2;

    public float CenterY => (Top + Bottom) / 2;

    public static Box FromCenter(float cx, float cy, float width, float height) =>
        new(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2);

    public float IntersectionArea(Box other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /// <summary>Intersection over union, 0 when they do not touch.</summary>
    public float IoU(Box other)
    {
        var inter = IntersectionArea(other);
        var union = Area + other.Area - inter;
        return union > 0 ? inter / union : 0;
    }

    public bool Intersects(Box other) => IntersectionArea(other) > 0;

    public Box Offset(float dx, float dy) => new(Left + dx, Top + dy, Right + dx, Bottom + dy);
}
