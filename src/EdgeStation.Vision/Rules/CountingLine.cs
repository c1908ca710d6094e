namespace EdgeStation.Vision.Rules;

/// <summary>
/// A counting line (越线计数) drawn on a camera's picture, in the pixels of the frames it is used on.
/// A tracked object crosses it when its centre passes from one side to the other within the
/// segment's length (see <see cref="LineDirection"/> for which way is forward).
/// </summary>
public sealed record CountingLine(string Name, float StartX, float StartY, float EndX, float EndY)
{
    /// <summary>The same line for frames of another size (lines are drawn on a still, frames may be decoded smaller).</summary>
    public CountingLine Scaled(float sx, float sy) => this with
    {
        StartX = StartX * sx,
        StartY = StartY * sy,
        EndX = EndX * sx,
        EndY = EndY * sy,
    };

    /// <summary>Signed distance of a point from the line, positive on the forward side.</summary>
    public float SignedDistance(float x, float y)
    {
        float dx = EndX - StartX, dy = EndY - StartY;
        var length = MathF.Sqrt((dx * dx) + (dy * dy));
        if (length == 0)
        {
            return 0;
        }

        // Forward normal: (dx, dy) turned clockwise on a y-down picture is (-dy, dx).
        return ((-dy * (x - StartX)) + (dx * (y - StartY))) / length;
    }

    /// <summary>Where the point's foot on the line falls: 0 at Start, 1 at End.</summary>
    public float Along(float x, float y)
    {
        float dx = EndX - StartX, dy = EndY - StartY;
        var squared = (dx * dx) + (dy * dy);
        return squared == 0 ? 0 : (((x - StartX) * dx) + ((y - StartY) * dy)) / squared;
    }
}
