using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeStation.Domain.Schedules;
using EdgeStation.Station.Cameras;
using EdgeStation.Station.Config;
using EdgeStation.Vision.Rules;
using EdgeStation.Vision.Zones;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// `edgestation camera zones --camera NAME` lists a configured camera's zones (区域) and counting lines (计数线);
/// `camera zones add --camera NAME (--zone Z --polygon X1,Y1,… [--armed S] [--dwell N] | --line L --points X1,Y1,X2,Y2
/// [--forward right|left|down|up])` and `camera zones remove --camera NAME (--zone Z | --line L)` change them in station.json
/// as `camera add` writes it (<see cref="CameraConfigWriter"/>): coordinates in fractions of the picture (0,0 top left,
/// 1,1 bottom right), so a zone holds on the main stream and the sub-stream alike. The running service reads station.json
/// at its start, as for `camera add`. Bad input (fewer than 3 corners, a coordinate outside 0–1, an unknown camera or
/// zone) is exit 2 and changes nothing.
/// </summary>
public static class CameraZonesCommand
{
    private static readonly string[] Directions = ["right", "left", "down", "up"];

    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var camera = new Option<string>("--camera") { Description = "the camera's name (camera list)", Required = true, Recursive = true, HelpName = "NAME" };
        var cmd = new Command("zones", "a camera's zones and counting lines: list them, add or remove one (station.json; the service uses them from its next start)") { camera };
        cmd.SetAction(p => List(g, ctx, p, Name(p.GetValue(camera))));
        cmd.Subcommands.Add(Add(g, ctx, camera));
        cmd.Subcommands.Add(Remove(g, ctx, camera));
        return cmd;
    }

    private static Command Add(GlobalOptions g, CliContext ctx, Option<string> camera)
    {
        var zone = new Option<string?>("--zone") { Description = "the new zone's name (1–32 characters, unique on the camera)", HelpName = "NAME" };
        var polygon = new Option<string?>("--polygon") { Description = "the zone's corners in fractions of the picture, at least three: 0.55,0.35,1,0.35,1,0.85", HelpName = "X1,Y1,X2,Y2,X3,Y3[,…]" };
        var armed = new Option<string?>("--armed") { Description = "when the zone raises alerts, e.g. 'mon-fri 00:00-08:00,18:00-24:00; sat,sun 00:00-24:00' (default: always)", HelpName = "SCHEDULE" };
        var dwell = new Option<double?>("--dwell") { Description = "seconds in the armed zone before a loiter alert (default 0: entering is the alert)", HelpName = "SECONDS" };
        var line = new Option<string?>("--line") { Description = "the new counting line's name (1–32 characters, unique on the camera)", HelpName = "NAME" };
        var points = new Option<string?>("--points") { Description = "the line's start and end in fractions of the picture: 0.73,0.83,0.73,0.17", HelpName = "X1,Y1,X2,Y2" };
        var forward = new Option<string?>("--forward") { Description = "which way across the line counts as forward on the picture: right, left, down or up (default: start→end turned clockwise)", HelpName = "WAY" };
        var cmd = new Command("add", "add a zone (--zone with --polygon) or a counting line (--line with --points) to a camera") { zone, polygon, armed, dwell, line, points, forward };
        cmd.SetAction(p =>
        {
            var name = Name(p.GetValue(camera));
            var (path, existing) = Camera(g, ctx, p, name);
            var (z, l) = (p.GetValue(zone), p.GetValue(line));
            if ((z is null) == (l is null))
            {
                throw new UsageException("give either --zone NAME with --polygon, or --line NAME with --points");
            }

            if (z is not null)
            {
                var doc = Zone(existing, z, p.GetValue(polygon), p.GetValue(armed), p.GetValue(dwell), p.GetValue(points), p.GetValue(forward));
                CameraConfigWriter.ChangeCamera(path, name, c => Rules(c, "zones").Add((JsonNode)CameraConfigWriter.ToNode(doc)));
                ctx.Out.WriteLine($"zone {doc.Name} added to camera {name} in {path}; the station service uses it from its next start (systemctl restart edgestation)");
            }
            else
            {
                var doc = Line(existing, l!, p.GetValue(points), p.GetValue(forward), p.GetValue(polygon), p.GetValue(armed), p.GetValue(dwell));
                CameraConfigWriter.ChangeCamera(path, name, c => Rules(c, "lines").Add((JsonNode)CameraConfigWriter.ToNode(doc)));
                ctx.Out.WriteLine($"line {doc.Name} added to camera {name} in {path}; the station service uses it from its next start (systemctl restart edgestation)");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Remove(GlobalOptions g, CliContext ctx, Option<string> camera)
    {
        var zone = new Option<string?>("--zone") { Description = "the zone to remove", HelpName = "NAME" };
        var line = new Option<string?>("--line") { Description = "the counting line to remove", HelpName = "NAME" };
        var cmd = new Command("remove", "remove a zone or a counting line from a camera (those after it move up one place in the township's counts)") { zone, line };
        cmd.SetAction(p =>
        {
            var name = Name(p.GetValue(camera));
            var (path, existing) = Camera(g, ctx, p, name);
            var (z, l) = (p.GetValue(zone)?.Trim(), p.GetValue(line)?.Trim());
            if ((z is null) == (l is null))
            {
                throw new UsageException("give one of --zone NAME and --line NAME");
            }

            var (key, what, target) = z is not null ? ("zones", "zone", z) : ("lines", "line", l!);
            var known = z is not null ? existing.Zones.Select(x => x.Name) : existing.Lines.Select(x => x.Name);
            if (!known.Contains(target, StringComparer.Ordinal))
            {
                throw new UsageException($"camera {name} has no {what} named '{target}' (camera zones --camera {name})");
            }

            CameraConfigWriter.ChangeCamera(path, name, c =>
            {
                var list = Rules(c, key);
                list.Remove(list.OfType<JsonObject>().First(x => x["name"] is JsonValue v && v.TryGetValue<string>(out var n) && n.Trim() == target));
                if (list.Count == 0)
                {
                    c.Remove(key);
                }
            });
            ctx.Out.WriteLine($"{what} {target} removed from camera {name} in {path}; the station service stops using it at its next start (systemctl restart edgestation)");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static int List(GlobalOptions g, CliContext ctx, ParseResult p, string name)
    {
        var (_, c) = Camera(g, ctx, p, name);
        var zones = c.Zones.Select(z => new CameraZoneRule(z.Name, Units(c.RelativeZones.Contains(z.Name)), Coordinates(z.Area.Points.SelectMany(q => new[] { q.X, q.Y }), c.RelativeZones.Contains(z.Name)), z.Armed.ToString(), z.Dwell.TotalSeconds)).ToList();
        var lines = c.Lines.Select(l => new CameraLineRule(l.Name, Units(c.RelativeLines.Contains(l.Name)), Coordinates([l.StartX, l.StartY, l.EndX, l.EndY], c.RelativeLines.Contains(l.Name)), Forward(l))).ToList();
        if (p.GetValue(g.Json))
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(new CameraZonesAnswer(c.Name, zones, lines), CameraJsonContext.Default.CameraZonesAnswer));
            return ExitCodes.Ok;
        }

        ctx.Out.WriteLine($"camera {c.Name}: {zones.Count} zone(s), {lines.Count} counting line(s)");
        foreach (var z in zones)
        {
            var dwell = z.Dwell > 0 ? string.Create(CultureInfo.InvariantCulture, $", loiter after {z.Dwell:0.#} s") : "";
            ctx.Out.WriteLine($"  zone {z.Name}: {z.Area} ({z.Units}s); armed {z.Armed}{dwell}");
        }

        foreach (var l in lines)
        {
            ctx.Out.WriteLine($"  line {l.Name}: {l.Points} ({l.Units}s); forward is {l.Forward}");
        }

        return ExitCodes.Ok;
    }

    private static CameraZoneDocument Zone(CameraDefinition camera, string zone, string? polygon, string? armed, double? dwell, string? points, string? forward)
    {
        var name = RuleName("--zone", zone);
        if (points is not null || forward is not null)
        {
            throw new UsageException("--points and --forward are for a --line, not a --zone");
        }

        if (camera.Zones.Any(z => z.Name == name))
        {
            throw new UsageException($"camera {camera.Name} already has a zone named '{name}'");
        }

        if (polygon is null)
        {
            throw new UsageException($"--zone {name} needs --polygon X1,Y1,X2,Y2,X3,Y3[,…] (fractions of the picture)");
        }

        if (!CameraConfigParser.TryParseArea(polygon, out _, out var error))
        {
            throw new UsageException($"--polygon: {error}");
        }

        if (armed is not null)
        {
            try
            {
                _ = ZoneSchedules.Parse(armed);
            }
            catch (ScheduleInputException e)
            {
                throw new UsageException($"--armed: {e.Message}");
            }
        }

        if (dwell is { } d && (!double.IsFinite(d) || d < 0 || d > 86_400))
        {
            throw new UsageException($"--dwell must be 0–86400 seconds, not {d.ToString(CultureInfo.InvariantCulture)}");
        }

        var area = string.Join(',', polygon.Split(',', StringSplitOptions.TrimEntries).Select(v => float.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
        return new CameraZoneDocument { Name = name, Area = area, Armed = armed?.Trim(), Dwell = dwell is > 0 ? dwell : null };
    }

    private static CameraLineDocument Line(CameraDefinition camera, string line, string? points, string? forward, string? polygon, string? armed, double? dwell)
    {
        var name = RuleName("--line", line);
        if (polygon is not null || armed is not null || dwell is not null)
        {
            throw new UsageException("--polygon, --armed and --dwell are for a --zone, not a --line");
        }

        if (camera.Lines.Any(l => l.Name == name))
        {
            throw new UsageException($"camera {camera.Name} already has a line named '{name}'");
        }

        var parts = (points ?? throw new UsageException($"--line {name} needs --points X1,Y1,X2,Y2 (fractions of the picture)")).Split(',', StringSplitOptions.TrimEntries);
        var v = parts.Select(s => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && float.IsFinite(x) ? x : float.NaN).ToArray();
        if (v.Length != 4 || v.Any(float.IsNaN))
        {
            throw new UsageException($"--points wants X1,Y1,X2,Y2 in fractions of the picture (e.g. 0.73,0.83,0.73,0.17), not '{points}'");
        }

        if (CameraConfigParser.FractionProblem(v) is { } outside)
        {
            throw new UsageException($"--points: {outside}");
        }

        if (v[0] == v[2] && v[1] == v[3])
        {
            throw new UsageException($"--points {points}: start and end are the same point");
        }

        if (forward is not null)
        {
            var way = forward.Trim().ToLowerInvariant();
            var i = Array.IndexOf(Directions, way);
            if (i < 0)
            {
                throw new UsageException($"--forward is right, left, down or up (on the picture), not '{forward}'");
            }

            // Forward is Start→End turned clockwise, (-dy, dx) on a picture whose y grows downwards: swap the ends to point it the asked way.
            var (nx, ny) = (-(v[3] - v[1]), v[2] - v[0]);
            var (wx, wy) = way switch { "right" => (1f, 0f), "left" => (-1f, 0f), "down" => (0f, 1f), _ => (0f, -1f) };
            var along = (nx * wx) + (ny * wy);
            if (MathF.Abs(along) < 0.2f * MathF.Sqrt((nx * nx) + (ny * ny)))
            {
                throw new UsageException($"--forward {way}: the line runs {way}wards itself, so nobody crosses it that way; draw it across the way people walk");
            }

            if (along < 0)
            {
                v = [v[2], v[3], v[0], v[1]];
            }
        }

        return new CameraLineDocument { Name = name, Across = string.Join(',', v.Select(x => x.ToString(CultureInfo.InvariantCulture))) };
    }

    private static string Name(string? camera) =>
        camera?.Trim() is { Length: > 0 } n ? n : throw new UsageException("--camera wants the camera's name (camera list)");

    private static string RuleName(string option, string name) =>
        CameraConfigParser.NameProblem(name) is { } problem ? throw new UsageException($"{option}: {problem}") : name.Trim();

    /// <summary>Where station.json is (as `camera add` finds it) and the camera's definition in it.</summary>
    private static (string Path, CameraDefinition Camera) Camera(GlobalOptions g, CliContext ctx, ParseResult p, string name)
    {
        var dataDir = g.ResolveDataDir(p, ctx);
        var path = p.GetValue(g.Config) ?? ctx.Environment("EDGESTATION_CONFIG") ?? Path.Combine(dataDir, "station.json");
        var cameras = File.Exists(path) ? StationConfigLoader.Load(path, dataDir, ctx.Environment).Cameras.Cameras : [];
        return (path, cameras.FirstOrDefault(c => c.Name == name) ?? throw new UsageException($"there is no camera named '{name}' (camera list)"));
    }

    private static JsonArray Rules(JsonObject camera, string key)
    {
        if (camera[key] is not JsonArray list)
        {
            list = [];
            camera[key] = list;
        }

        return list;
    }

    private static string Units(bool relative) => relative ? "fraction" : "pixel";

    private static string Coordinates(IEnumerable<float> values, bool relative) =>
        string.Join(',', values.Select(v => relative ? (v / CameraDefinition.RelativeUnits).ToString("0.####", CultureInfo.InvariantCulture) : v.ToString("0.#", CultureInfo.InvariantCulture)));

    private static string Forward(CountingLine l)
    {
        var (nx, ny) = (-(l.EndY - l.StartY), l.EndX - l.StartX);
        return MathF.Abs(nx) >= MathF.Abs(ny) ? (nx > 0 ? "right" : "left") : (ny > 0 ? "down" : "up");
    }
}
