using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace EdgeStation.Station.Cli.Door;

/// <summary>
/// `door unlock --door N [--for 5s]` and `door mode --door N normal|lockdown|free`, through the running service: the door
/// acts at once, and the access event log names who did it.
/// </summary>
public static class DoorControlCommand
{
    public static Command Unlock(GlobalOptions g, CliContext ctx)
    {
        var doorId = new Option<int>("--door") { Description = "which door", Required = true, HelpName = "N" };
        var duration = new Option<string?>("--for") { Description = "how long, 1s–10m, e.g. 5s, 90s, 2m (default: the door's own unlock time)", HelpName = "TIME" };
        var cmd = new Command("unlock", "open a door for a while, as a granted card would (远程开门; admins and engineers; logged with who); not in lockdown") { doorId, duration };
        cmd.SetAction(p =>
        {
            var body = new Dictionary<string, string>();
            if (p.GetValue(duration) is { } d)
            {
                body["for"] = d;
            }
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/doors/{p.GetValue(doorId)}/unlock"), body);
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : Describe(answer));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Mode(GlobalOptions g, CliContext ctx)
    {
        var doorId = new Option<int>("--door") { Description = "which door", Required = true, HelpName = "N" };
        var mode = new Argument<string>("MODE") { Description = "normal | lockdown (封锁: no card, PIN or exit button opens it) | free (常开: unlocked, no alarms)" };
        var cmd = new Command("mode", "put a door in lockdown or free passage, or back to normal (admins; logged with who)") { mode, doorId };
        cmd.SetAction(p =>
        {
            var m = p.GetValue(mode)!.Trim().ToLowerInvariant();
            if (m is not ("normal" or "lockdown" or "free"))
            {
                throw new UsageException($"a door's mode is normal, lockdown or free (got '{p.GetValue(mode)}')");
            }
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/doors/{p.GetValue(doorId)}/mode"),
                new Dictionary<string, string> { ["mode"] = m });
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : Describe(answer));
            using var doc = JsonDocument.Parse(answer);
            if (doc.RootElement.TryGetProperty("warning", out var warning))
            {
                ctx.Error.WriteLine("warning: " + warning.GetString());
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Describe(string answer)
    {
        using var doc = JsonDocument.Parse(answer);
        var d = doc.RootElement;
        return string.Create(CultureInfo.InvariantCulture,
            $"door {d.GetProperty("id").GetInt32()} {d.GetProperty("name").GetString()}: {(d.GetProperty("unlocked").GetBoolean() ? "unlocked" : "locked")}, mode {d.GetProperty("mode").GetString()}");
    }
}
