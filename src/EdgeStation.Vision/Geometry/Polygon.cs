using System.Globalization;

namespace EdgeStation.Vision.Geometry;

/// <summary>A closed polygon in frame pixels (at least three corners, in drawing order).</summary>
public sealed class Polygon
{
    public Polygon(IReadOnlyList<(float X, float Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 3)
        {
            throw new ArgumentException($"a zone needs at least 3 corners, not {points.Count}", nameof(points));
        }

        if (points.Any(p => !float.IsFinite(p.X) || !float.IsFinite(p.Y)))
        {
            throw new ArgumentException("a zone's corners must be finite numbers", nameof(points));
        }

        Points = [.. points];
        if (Math.Abs(SignedArea()) < 1)
        {
            throw new ArgumentException("a zone's corners lie on one line: it has no area", nameof(points));
        }
    }

    public IReadOnlyList<(float X, float Y)> Points { get; }

    /// <summary>Even-odd rule: a point on the boundary may fall either way, which is fine for a foot point that moves on.</summary>
    public bool Contains(float x, float y)
    {
        var inside = false;
        var n = Points.Count;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            var (xi, yi) = Points[i];
            var (xj, yj) = Points[j];
            if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>The same zone for frames of another size (zones are drawn on a full-size still, frames are decoded smaller).</summary>
    public Polygon Scaled(float sx, float sy) => new([.. Points.Select(p => (p.X * sx, p.Y * sy))]);

    /// <summary>Reads "X1,Y1,X2,Y2,X3,Y3[,…]".</summary>
    public static bool TryParse(string text, out Polygon? polygon, out string? error)
    {
        polygon = null;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < 6 || parts.Length % 2 != 0)
        {
            error = "a zone is X1,Y1,X2,Y2,X3,Y3[,…]: at least three corners, two numbers each";
            return false;
        }

        var points = new List<(float, float)>();
        for (var i = 0; i < parts.Length; i += 2)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !float.IsFinite(x)
                || !float.TryParse(parts[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || !float.IsFinite(y))
            {
                error = $"'{parts[i]},{parts[i + 1]}' is not a corner: two numbers X,Y in pixels";
                return false;
            }

            points.Add((x, y));
        }

        try
        {
            polygon = new Polygon(points);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message.Split(" (Parameter", 2)[0];
            return false;
        }
    }

    public override string ToString() =>
        string.Join(',', Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));

    private float SignedArea()
    {
        var a = 0f;
        for (int i = 0, j = Points.Count - 1; i < Points.Count; j = i++)
        {
            a += (Points[j].X * Points[i].Y) - (Points[i].X * Points[j].Y);
        }

        return a / 2;
    }
}
