using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Station.Config;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>`edgestation camera list [--json]`: the cameras station.json configures, with their lines and zones (addresses without passwords).</summary>
public static class CameraListCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("list", "the configured cameras, their lines and zones (from station.json; passwords in addresses are not shown)");
        cmd.SetAction(p =>
        {
            var config = StationConfigLoader.Load(p.GetValue(g.Config), g.ResolveDataDir(p, ctx), ctx.Environment);
            var cameras = config.Cameras.Cameras;
            if (p.GetValue(g.Json))
            {
                var list = cameras.Select(c => new CameraListEntry(
                    c.Name,
                    c.Shown,
                    c.IsFile ? "file" : "camera",
                    c.Fps,
                    [.. c.Lines.Select(l => l.Name)],
                    [.. c.Zones.Select(z => new CameraZoneEntry(z.Name, z.Armed.ToString(), z.Dwell.TotalSeconds))])).ToList();
                ctx.Out.WriteLine(JsonSerializer.Serialize(new CameraListAnswer(list, config.Cameras.RetentionDays, config.Cameras.MaxAlertBytes / (1024 * 1024)), CameraJsonContext.Default.CameraListAnswer));
                return ExitCodes.Ok;
            }

            if (cameras.Count == 0)
            {
                ctx.Out.WriteLine("no cameras configured (camera add --name NAME --url rtsp://…)");
            }

            foreach (var c in cameras)
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Name}: {c.Shown}{(c.IsFile ? " (file, played in a loop)" : "")}, {c.Fps:0.##} fps"));
                foreach (var l in c.Lines)
                {
                    ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  line {l.Name}: {l.StartX:0.#},{l.StartY:0.#} → {l.EndX:0.#},{l.EndY:0.#}"));
                }

                foreach (var z in c.Zones)
                {
                    var dwell = z.Dwell > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $", loiter after {z.Dwell.TotalSeconds:0.#} s") : "";
                    ctx.Out.WriteLine($"  zone {z.Name}: armed {z.Armed}{dwell}");
                }
            }

            ctx.Out.WriteLine($"alerts kept {config.Cameras.RetentionDays} days, at most {config.Cameras.MaxAlertBytes / (1024 * 1024)} MB of snapshots");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
