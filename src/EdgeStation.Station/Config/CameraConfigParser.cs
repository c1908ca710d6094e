using System.Globalization;
using EdgeStation.Domain.Schedules;
using EdgeStation.Station.Cameras;
using EdgeStation.Station.Cli;
using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Config;

/// <summary>
/// Checks station.json's "cameras" and "cameraAlerts": names unique, exactly one source per camera, rates, lines, zones,
/// schedules and dwell times well formed. Any problem is a usage error naming the key (exit 2).
/// </summary>
public static class CameraConfigParser
{
    public const int MaxNameLength = 32;

    public static CameraSettings Parse(List<CameraConfigDocument>? cameras, CameraAlertsConfigDocument? alerts, string path)
    {
        var days = alerts?.RetentionDays is { } d
            ? (d is >= 1 and <= 3650 ? d : throw Fail(path, "cameraAlerts.retentionDays", $"must be 1–3650 (got {d})"))
            : CameraSettings.DefaultRetentionDays;
        var megabytes = alerts?.Megabytes is { } mb
            ? (mb is >= 1 and <= 1_048_576 ? mb : throw Fail(path, "cameraAlerts.megabytes", $"must be 1–1048576 (got {mb})"))
            : CameraSettings.DefaultMegabytes;
        var list = new List<CameraDefinition>();
        for (var i = 0; i < (cameras?.Count ?? 0); i++)
        {
            var camera = Camera(cameras![i], $"cameras[{i}]", path);
            if (list.Any(c => c.Name == camera.Name))
            {
                throw Fail(path, $"cameras[{i}].name", $"'{camera.Name}' is used by another camera");
            }

            list.Add(camera);
        }

        return new CameraSettings(list, days, megabytes * 1024L * 1024);
    }

    /// <summary>Null when <paramref name="name"/> can name a camera, a zone or a line, else why not.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "a name is required"
        : name.Trim().Length > MaxNameLength ? $"'{name}' is longer than {MaxNameLength} characters"
        : name.Any(char.IsControl) ? "a name cannot hold control characters"
        : null;

    private static CameraDefinition Camera(CameraConfigDocument doc, string key, string path)
    {
        if (NameProblem(doc.Name) is { } problem)
        {
            throw Fail(path, key + ".name", problem);
        }

        var name = doc.Name!.Trim();
        if ((doc.Url is null) == (doc.File is null))
        {
            throw Fail(path, key, $"camera '{name}' needs exactly one of \"url\" and \"file\"");
        }

        if (doc.Url is { } url && CameraAddress.Problem(url) is { } bad)
        {
            throw Fail(path, key + ".url", bad);
        }

        if (doc.File is { } file && !Path.IsPathRooted(file))
        {
            throw Fail(path, key + ".file", $"'{file}' must be an absolute path");
        }

        var fps = doc.Fps ?? 5;
        if (!double.IsFinite(fps) || fps <= 0 || fps > 30)
        {
            throw Fail(path, key + ".fps", $"must be above 0 and at most 30 (got {fps.ToString(CultureInfo.InvariantCulture)})");
        }

        var lines = new List<CountingLine>();
        var relativeLines = new HashSet<string>(StringComparer.Ordinal);
        var relativeZones = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (doc.Lines?.Count ?? 0); i++)
        {
            var l = doc.Lines![i];
            var at = $"{key}.lines[{i}]";
            if (NameProblem(l.Name) is { } p)
            {
                throw Fail(path, at + ".name", p);
            }

            if ((l.Points is null) == (l.Across is null))
            {
                throw Fail(path, at, "give exactly one of \"points\" (pixels) and \"across\" (fractions of the picture)");
            }

            var (field, text) = l.Across is null ? ("points", l.Points!) : ("across", l.Across);
            var values = text.Split(',', StringSplitOptions.TrimEntries)
                .Select(s => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v) ? v : float.NaN).ToArray();
            if (values.Length != 4 || values.Any(float.IsNaN) || (values[0] == values[2] && values[1] == values[3]))
            {
                throw Fail(path, $"{at}.{field}", $"wants \"X1,Y1,X2,Y2\", two different points (got '{text}')");
            }

            if (l.Across is not null && FractionProblem(values) is { } outside)
            {
                throw Fail(path, at + ".across", outside);
            }

            if (lines.Any(x => x.Name == l.Name!.Trim()))
            {
                throw Fail(path, at + ".name", $"'{l.Name}' is used by another line of camera '{name}'");
            }

            var u = l.Across is null ? 1 : CameraDefinition.RelativeUnits;
            lines.Add(new CountingLine(l.Name!.Trim(), values[0] * u, values[1] * u, values[2] * u, values[3] * u));
            if (l.Across is not null)
            {
                relativeLines.Add(l.Name!.Trim());
            }
        }

        var zones = new List<CameraZone>();
        for (var i = 0; i < (doc.Zones?.Count ?? 0); i++)
        {
            var z = doc.Zones![i];
            var at = $"{key}.zones[{i}]";
            if (NameProblem(z.Name) is { } p)
            {
                throw Fail(path, at + ".name", p);
            }

            if (zones.Any(x => x.Name == z.Name!.Trim()))
            {
                throw Fail(path, at + ".name", $"'{z.Name}' is used by another zone of camera '{name}'");
            }

            if ((z.Corners is null) == (z.Area is null))
            {
                throw Fail(path, at, "give exactly one of \"corners\" (pixels) and \"area\" (fractions of the picture)");
            }

            if (!ZoneArea(z, out var polygon, out var error))
            {
                throw Fail(path, at + (z.Area is null ? ".corners" : ".area"), error!);
            }

            var zone = new CameraZone(z.Name!.Trim(), polygon!);
            if (z.Area is not null)
            {
                relativeZones.Add(zone.Name);
            }

            if (z.Armed is { } armed)
            {
                try
                {
                    zone = zone with { Armed = ZoneSchedules.Parse(armed) };
                }
                catch (ScheduleInputException e)
                {
                    throw Fail(path, at + ".armed", e.Message);
                }
            }

            if (z.Dwell is { } dwell)
            {
                zone = dwell is >= 0 and <= 86_400 ? zone with { Dwell = TimeSpan.FromSeconds(dwell) } : throw Fail(path, at + ".dwell", $"must be 0–86400 seconds (got {dwell.ToString(CultureInfo.InvariantCulture)})");
            }

            zones.Add(zone);
        }

        return new CameraDefinition(name, doc.Url ?? doc.File!, doc.File is not null, fps, lines, zones) { RelativeLines = relativeLines, RelativeZones = relativeZones };
    }

    /// <summary>Null when every coordinate is a fraction of the picture (0 to 1), else why not.</summary>
    public static string? FractionProblem(IReadOnlyList<float> values)
    {
        var outside = values.Where(v => v is not (>= 0 and <= 1)).Select(v => v.ToString(CultureInfo.InvariantCulture)).FirstOrDefault();
        return outside is null ? null : $"coordinates are fractions of the picture, 0 to 1 (0,0 top left, 1,1 bottom right); {outside} is outside";
    }

    /// <summary>Reads an area "X1,Y1,X2,Y2,X3,Y3[,…]" in fractions of the picture into a polygon in <see cref="CameraDefinition.RelativeUnits"/>.</summary>
    public static bool TryParseArea(string text, out Polygon? polygon, out string? error)
    {
        polygon = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(s => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v) ? v : float.NaN).ToArray();
        if (parts.Length < 6 || parts.Length % 2 != 0 || values.Any(float.IsNaN))
        {
            error = $"an area is X1,Y1,X2,Y2,X3,Y3[,…]: at least three corners, two numbers from 0 to 1 each (got '{text}')";
            return false;
        }

        error = FractionProblem(values);
        if (error is not null)
        {
            return false;
        }

        var u = CameraDefinition.RelativeUnits;
        try
        {
            polygon = new Polygon([.. values.Chunk(2).Select(p => (p[0] * u, p[1] * u))]);
            return true;
        }
        catch (ArgumentException e)
        {
            // Less than 1/10000 of the picture: no foot point could fall into it.
            error = e.Message.Split(" (Parameter", 2)[0];
            return false;
        }
    }

    private static bool ZoneArea(CameraZoneDocument z, out Polygon? polygon, out string? error) =>
        z.Area is null ? Polygon.TryParse(z.Corners!, out polygon, out error) : TryParseArea(z.Area, out polygon, out error);

    private static UsageException Fail(string path, string key, string message) => new($"config file {path}: {key}: {message}");
}
