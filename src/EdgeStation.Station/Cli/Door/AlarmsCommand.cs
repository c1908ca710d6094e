using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace EdgeStation.Station.Cli.Door;

/// <summary>
/// `edgestation alarms list [--all] [--json]` and `alarms ack ID`: door and one-button alarms (一键报警) of the running
/// service; an acknowledgement (报警确认) is logged with who gave it, and ends the kiosk's red banner.
/// </summary>
public static class AlarmsCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var alarms = new Command("alarms", "door and one-button alarms of the running station service: list, acknowledge");
        alarms.Aliases.Add("alarm");
        alarms.Subcommands.Add(List(g, ctx));
        alarms.Subcommands.Add(Ack(g, ctx));
        return alarms;
    }

    private static Command List(GlobalOptions g, CliContext ctx)
    {
        var all = new Option<bool>("--all") { Description = "the acknowledged alarms the service still keeps too (the last 200), with who acknowledged them" };
        var cmd = new Command("list", "the alarms not yet acknowledged (exit 0 either way)") { all };
        cmd.SetAction(p =>
        {
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Get, p.GetValue(all) ? "/api/alarms?all=true" : "/api/alarms", null);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(answer);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(answer);
            var list = doc.RootElement.GetProperty("alarms");
            if (list.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine(p.GetValue(all) ? "no alarms" : "no alarm waits for acknowledgement");
            }
            foreach (var a in list.EnumerateArray())
            {
                ctx.Out.WriteLine(Line(a));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Ack(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<long>("ID") { Description = "the alarm's number, as alarms list shows it (#3 → 3)" };
        var cmd = new Command("ack", "acknowledge an alarm: you are dealing with it (logged with who; ends the kiosk banner)") { id };
        cmd.SetAction(p =>
        {
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/alarms/{p.GetValue(id)}/ack"), new Dictionary<string, string>());
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(answer);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(answer);
            ctx.Out.WriteLine(Line(doc.RootElement));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Line(JsonElement a)
    {
        var text = $"#{a.GetProperty("id").GetInt64()} {a.GetProperty("kind").GetString()} at {a.GetProperty("source").GetString()} since {a.GetProperty("raisedAt").GetString()}" +
            (a.GetProperty("silent").GetBoolean() ? " (silent)" : "") + (a.GetProperty("causeActive").GetBoolean() ? "" : " (cause ended)");
        if (!a.GetProperty("acknowledged").GetBoolean())
        {
            return text + ": not acknowledged";
        }
        var by = a.TryGetProperty("acknowledgedBy", out var b) ? " by " + b.GetString() : "";
        return text + $": acknowledged{by} at {a.GetProperty("acknowledgedAt").GetString()}";
    }
}
