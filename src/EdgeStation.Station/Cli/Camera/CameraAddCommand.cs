using System.CommandLine;
using System.Globalization;
using EdgeStation.Station.Cameras;
using EdgeStation.Station.Config;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// `edgestation camera add --name 村口 (--url rtsp://… | --file PATH) [--fps N] [--line …] [--zone …] [--armed …] [--dwell …]`:
/// appends a camera to station.json (the one `--config` names, else $EDGESTATION_CONFIG, else &lt;data-dir&gt;/station.json,
/// made if absent). The running service starts it at its next start. A refused camera changes nothing (exit 2).
/// </summary>
public static class CameraAddCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var name = new Option<string>("--name") { Description = "what officials call the camera, e.g. 村口 (1–32 characters, unique)", Required = true, HelpName = "NAME" };
        var url = new Option<string?>("--url") { Description = "the camera's address: rtsp://[USER:PASSWORD@]HOST/PATH, http(s)://… (MJPEG) or /dev/videoN", HelpName = "URL" };
        var file = new Option<string?>("--file") { Description = "a recorded video played as a camera, in a loop at its own pace (trials, the demo)", HelpName = "PATH" };
        var fps = new Option<double?>("--fps") { Description = "frames analysed per second (default 5, at most 30)", HelpName = "N" };
        var lines = new Option<string[]>("--line") { Description = "a counting line in the camera's pixels (repeatable; named line1, line2, …)", HelpName = "X1,Y1,X2,Y2" };
        var zones = new Option<string[]>("--zone") { Description = "a zone in the camera's pixels (repeatable)", HelpName = "NAME:X1,Y1,X2,Y2,X3,Y3" };
        var armed = new Option<string[]>("--armed") { Description = "when a zone raises alerts, e.g. 'yard:mon-fri 00:00-08:00,18:00-24:00; sat,sun 00:00-24:00; holiday 00:00-24:00' (default: always)", HelpName = "NAME:SCHEDULE" };
        var dwell = new Option<string[]>("--dwell") { Description = "seconds in an armed zone before a loiter alert (default 0: entering is the alert)", HelpName = "NAME:SECONDS" };
        var cmd = new Command("add", "add a camera to station.json (the service starts it at its next start)") { name, url, file, fps, lines, zones, armed, dwell };
        cmd.SetAction(p =>
        {
            var path = p.GetValue(g.Config) ?? ctx.Environment("EDGESTATION_CONFIG") ?? Path.Combine(g.ResolveDataDir(p, ctx), "station.json");
            var existing = File.Exists(path) ? StationConfigLoader.Load(path, g.ResolveDataDir(p, ctx), ctx.Environment).Cameras : CameraSettings.None;
            var n = p.GetValue(name)!.Trim();
            if (CameraConfigParser.NameProblem(n) is { } problem)
            {
                throw new UsageException($"--name: {problem}");
            }

            if (existing.Cameras.Any(c => c.Name == n))
            {
                throw new UsageException($"there is already a camera named '{n}' (camera list)");
            }

            var (u, f) = (p.GetValue(url), p.GetValue(file));
            if ((u is null) == (f is null))
            {
                throw new UsageException("give exactly one of --url and --file");
            }

            if (u is not null && CameraAddress.Problem(u) is { } bad)
            {
                throw new UsageException($"--url: {bad}");
            }

            if (f is not null)
            {
                f = Path.GetFullPath(f);
                if (!File.Exists(f))
                {
                    throw new UsageException($"--file: no such file: {f}");
                }
            }

            var rate = p.GetValue(fps);
            if (rate is { } r && (!double.IsFinite(r) || r <= 0 || r > 30))
            {
                throw new UsageException($"--fps must be above 0 and at most 30, not {r.ToString(CultureInfo.InvariantCulture)}");
            }

            var lineArgs = p.GetValue(lines) ?? [];
            for (var i = 0; i < lineArgs.Length; i++)
            {
                _ = CameraRuleArguments.ParseLine(lineArgs[i], i + 1);
            }

            var (zoneArgs, armedArgs, dwellArgs) = (p.GetValue(zones) ?? [], p.GetValue(armed) ?? [], p.GetValue(dwell) ?? []);
            var parsed = CameraRuleArguments.ParseZones(zoneArgs, armedArgs, dwellArgs);
            var doc = new CameraConfigDocument
            {
                Name = n,
                Url = u,
                File = f,
                Fps = rate,
                Lines = [.. lineArgs.Select((l, i) => new CameraLineDocument { Name = $"line{i + 1}", Points = l.Trim() })],
                Zones = [.. parsed.Select(z => new CameraZoneDocument
                {
                    Name = z.Name,
                    Corners = z.Area.ToString(),
                    Armed = armedArgs.Select(a => a.Split(':', 2)).Where(a => a[0].Trim() == z.Name).Select(a => a[1].Trim()).FirstOrDefault(),
                    Dwell = z.Dwell > TimeSpan.Zero ? z.Dwell.TotalSeconds : null,
                })],
            };
            CameraConfigWriter.Append(path, doc);
            ctx.Out.WriteLine($"camera {n} added to {path} ({CameraAddress.Redact(u ?? f!)}); the station service starts it at its next start (systemctl restart edgestation)");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
