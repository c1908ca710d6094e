using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Storage;

namespace EdgeStation.Station.Cli.Camera;

/// <summary>
/// `edgestation camera status [--json]` and `camera alerts [--open] [--limit N] [--json]`, `camera alerts ack ID`: the
/// cameras run inside the station service, so these ask it (its local API, as `door list` does); with no service running
/// they say so (exit 3).
/// </summary>
public static class CameraStatusCommand
{
    public static Command Status(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("status", "each camera of the running service: state, frames per second, last frame, people now, tamper, zones and line counts");
        cmd.SetAction(p =>
        {
            var body = Call(g, p, ctx, HttpMethod.Get, "/api/cameras");
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(body);
                return ExitCodes.Ok;
            }

            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var cameras = root.GetProperty("cameras");
            if (cameras.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine("no cameras configured (camera add --name NAME --url rtsp://…, then restart the service)");
            }

            foreach (var c in cameras.EnumerateArray())
            {
                var last = c.TryGetProperty("lastFrameAt", out var l) ? $", last frame {l.GetDateTimeOffset().ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z" : ", no frame yet";
                var detail = c.TryGetProperty("detail", out var d) ? $" ({d.GetString()})" : "";
                var tamper = c.TryGetProperty("tamper", out var t) ? $", TAMPER: {t.GetString()}" : "";
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.GetProperty("name").GetString()}: {c.GetProperty("state").GetString()}{detail}, {c.GetProperty("fps").GetDouble():0.#} fps, {c.GetProperty("busy").GetDouble() * 100:0}% of a core{last}, {c.GetProperty("persons").GetInt32()} people{tamper}"));
                foreach (var z in c.GetProperty("zones").EnumerateArray())
                {
                    ctx.Out.WriteLine($"  zone {z.GetProperty("name").GetString()}: {z.GetProperty("people").GetInt32()} people, {(z.GetProperty("armed").GetBoolean() ? "armed" : "not armed")}");
                }

                foreach (var line in c.GetProperty("lines").EnumerateArray())
                {
                    ctx.Out.WriteLine($"  line {line.GetProperty("name").GetString()}: {line.GetProperty("forward").GetInt32()} forward, {line.GetProperty("backward").GetInt32()} backward");
                }
            }

            ctx.Out.WriteLine($"alerts not acknowledged: {root.GetProperty("unacknowledged").GetInt32()} (camera alerts)");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Alerts(GlobalOptions g, CliContext ctx)
    {
        var open = new Option<bool>("--open") { Description = "only alerts not yet acknowledged" };
        var limit = new Option<int>("--limit") { Description = "at most this many, newest first (1–10000)", DefaultValueFactory = _ => 50, HelpName = "N" };
        var cmd = new Command("alerts", "camera alerts of the running service, newest first (zone entered or loitered in while armed, tamper, stream lost)") { open, limit };
        cmd.SetAction(p =>
        {
            var n = p.GetValue(limit);
            if (n is < 1 or > 10_000)
            {
                throw new UsageException($"--limit must be 1–10000 (got {n})");
            }

            var body = Call(g, p, ctx, HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/cameras/alerts?limit={n}{(p.GetValue(open) ? "&open=true" : "")}"));
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(body);
                return ExitCodes.Ok;
            }

            using var doc = JsonDocument.Parse(body);
            var alerts = doc.RootElement.GetProperty("alerts");
            if (alerts.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine("no camera alerts");
            }

            foreach (var a in alerts.EnumerateArray())
            {
                ctx.Out.WriteLine(Line(a));
            }

            return ExitCodes.Ok;
        });
        var id = new Argument<long>("ID") { Description = "the alert's number, as `camera alerts` shows it" };
        var ack = new Command("ack", "acknowledge a camera alert (admins, officials, engineers; kept with who)") { id };
        ack.SetAction(p =>
        {
            var body = Call(g, p, ctx, HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/cameras/alerts/{p.GetValue(id)}/ack"));
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(body);
                return ExitCodes.Ok;
            }

            using var doc = JsonDocument.Parse(body);
            ctx.Out.WriteLine(Line(doc.RootElement.GetProperty("alert")));
            return ExitCodes.Ok;
        });
        cmd.Subcommands.Add(ack);
        return cmd;
    }

    private static string Line(JsonElement a)
    {
        var at = a.GetProperty("at").GetDateTimeOffset().ToUniversalTime();
        var acked = a.TryGetProperty("acknowledgedBy", out var by) ? $"acknowledged by {by.GetString()}" : "NOT ACKNOWLEDGED";
        return string.Create(CultureInfo.InvariantCulture,
            $"#{a.GetProperty("id").GetInt64()}  {at:yyyy-MM-dd HH:mm:ss}Z  {a.GetProperty("camera").GetString()}  {a.GetProperty("kind").GetString()} {a.GetProperty("detail").GetString()}{(a.GetProperty("snapshot").GetBoolean() ? "  (snapshot)" : "")}  {acked}");
    }

    private static string Call(GlobalOptions g, ParseResult p, CliContext ctx, HttpMethod method, string path)
    {
        using var client = g.RunningService(p, ctx)
            ?? throw new StorageEnvironmentException($"no station service runs on {g.ResolveDataDir(p, ctx)}: the cameras run in the service; start it (edgestation run, or edgestation demo)");
        return client.Call(method, path, method == HttpMethod.Post ? new Dictionary<string, string>() : null, g.ResolveActor(p, ctx));
    }
}
