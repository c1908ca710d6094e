using System.Globalization;
using EdgeStation.Domain.Schedules;
using EdgeStation.Vision.Geometry;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// The rule options of the camera commands, read into the pipeline's types: counting lines (X1,Y1,X2,Y2), zones
/// (NAME:X1,Y1,X2,Y2,X3,Y3[,…]), their schedules (NAME:SCHEDULE, the door schedules' text form) and dwell times
/// (NAME:SECONDS). Coordinates are in the source's pixels. Anything malformed is a usage error naming the option.
/// </summary>
public static class CameraRuleArguments
{
    public static CountingLine ParseLine(string text, int number)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new float[4];
        if (parts.Length != 4 || parts.Select((s, i) => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && float.IsFinite(values[i])).Any(ok => !ok))
        {
            throw new UsageException($"--line wants X1,Y1,X2,Y2 in source pixels (e.g. 560,480,560,100), not '{text}'");
        }

        if (values[0] == values[2] && values[1] == values[3])
        {
            throw new UsageException($"--line {text}: start and end are the same point");
        }

        return new CountingLine($"line{number}", values[0], values[1], values[2], values[3]);
    }

    /// <summary>Zones from --zone, each given its --armed schedule and --dwell time when named there.</summary>
    public static IReadOnlyList<CameraZone> ParseZones(IReadOnlyList<string> zones, IReadOnlyList<string> armed, IReadOnlyList<string> dwell)
    {
        var result = new List<CameraZone>();
        foreach (var text in zones)
        {
            var (name, corners) = Split("--zone", text, "NAME:X1,Y1,X2,Y2,X3,Y3[,…]");
            if (result.Any(z => z.Name == name))
            {
                throw new UsageException($"--zone {name} is given twice");
            }

            if (!Polygon.TryParse(corners, out var polygon, out var error))
            {
                throw new UsageException($"--zone {name}: {error}");
            }

            result.Add(new CameraZone(name, polygon!));
        }

        foreach (var text in armed)
        {
            var (name, schedule) = Split("--armed", text, "NAME:SCHEDULE");
            var i = IndexOf(result, name, "--armed");
            try
            {
                result[i] = result[i] with { Armed = ZoneSchedules.Parse(schedule) };
            }
            catch (ScheduleInputException e)
            {
                throw new UsageException($"--armed {name}: {e.Message}");
            }
        }

        foreach (var text in dwell)
        {
            var (name, seconds) = Split("--dwell", text, "NAME:SECONDS");
            var i = IndexOf(result, name, "--dwell");
            if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !double.IsFinite(s) || s < 0 || s > 86_400)
            {
                throw new UsageException($"--dwell {name}: '{seconds}' is not a number of seconds from 0 to 86400");
            }

            result[i] = result[i] with { Dwell = TimeSpan.FromSeconds(s) };
        }

        return result;
    }

    /// <summary>A station-local date and time (YYYY-MM-DDTHH:MM[:SS]) as a UTC instant.</summary>
    public static DateTimeOffset ParseLocalTime(string text, Domain.Calendar.StationTime zone)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new UsageException($"--at wants the station-local time of the first frame as YYYY-MM-DDTHH:MM[:SS], not '{text}'");
        }

        return zone.ToUtc(local);
    }

    private static (string Name, string Value) Split(string option, string text, string form)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon > 0 ? text[..colon].Trim() : "";
        if (name.Length == 0 || name.Length > 32 || name.Any(char.IsControl) || name.Contains(',', StringComparison.Ordinal))
        {
            throw new UsageException($"{option} wants {form} (a name of 1 to 32 characters first), not '{text}'");
        }

        return (name, text[(colon + 1)..].Trim());
    }

    private static int IndexOf(List<CameraZone> zones, string name, string option)
    {
        var i = zones.FindIndex(z => z.Name == name);
        return i >= 0 ? i : throw new UsageException($"{option} {name}: there is no --zone {name}");
    }
}
