using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cameras;

/// <summary>
/// One configured camera: its name, where its pictures come from (an address, or a file played in a loop), how many
/// frames a second are analysed, and its lines and zones, in the order of station.json. A line or zone is either in the
/// camera's own pixels ("points", "corners") or in fractions of the picture ("across", "area": what `camera zones` writes,
/// the same on any stream size); the latter are held in <see cref="RelativeUnits"/> and named in
/// <see cref="RelativeLines"/> / <see cref="RelativeZones"/>. Both are scaled to the analysed frames once the size is known.
/// </summary>
public sealed record CameraDefinition(string Name, string Input, bool IsFile, double Fps, IReadOnlyList<CountingLine> Lines, IReadOnlyList<CameraZone> Zones)
{
    /// <summary>A fraction of the picture's width or height is held as this many units (a polygon needs an area of at least 1).</summary>
    public const float RelativeUnits = 10_000;

    /// <summary>The address as it may be shown: a password in it is replaced by ***.</summary>
    public string Shown => CameraAddress.Redact(Input);

    /// <summary>The lines given in fractions of the picture.</summary>
    public IReadOnlySet<string> RelativeLines { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The zones given in fractions of the picture.</summary>
    public IReadOnlySet<string> RelativeZones { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The lines and zones in the pixels of frames <paramref name="width"/>×<paramref name="height"/> decoded from a source of the given size.</summary>
    public (IReadOnlyList<CountingLine> Lines, IReadOnlyList<CameraZone> Zones) Scaled(int sourceWidth, int sourceHeight, int width, int height)
    {
        var (sx, sy) = ((float)width / sourceWidth, (float)height / sourceHeight);
        var (rx, ry) = (width / RelativeUnits, height / RelativeUnits);
        return (
            [.. Lines.Select(l => RelativeLines.Contains(l.Name) ? l.Scaled(rx, ry) : l.Scaled(sx, sy))],
            [.. Zones.Select(z => RelativeZones.Contains(z.Name) ? z.Scaled(rx, ry) : z.Scaled(sx, sy))]);
    }
}
