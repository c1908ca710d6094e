using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Doors;
using EdgeStation.Storage;

namespace EdgeStation.Station.Cli.Door;

/// <summary>
/// `edgestation door list | events | simulate`: the doors live in the running service (they hold GPIO lines and
/// decide from its memory), so every subcommand goes through the service's local API, as record writes do; with no
/// service running they say so (exit 3).
/// </summary>
public static class DoorCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var door = new Command("door", "doors of the running station service: state, event log, unlock, mode, simulate");
        door.Subcommands.Add(List(g, ctx));
        door.Subcommands.Add(Events(g, ctx));
        door.Subcommands.Add(Simulate(g, ctx));
        door.Subcommands.Add(DoorControlCommand.Unlock(g, ctx));
        door.Subcommands.Add(DoorControlCommand.Mode(g, ctx));
        return door;
    }

    private static Command List(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("list", "each door's state (locked, open, mode), the alarms not yet acknowledged, and the event log's counts");
        cmd.SetAction(p =>
        {
            var body = Call(g, p, ctx, HttpMethod.Get, "/api/doors", null);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(body);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var doors = root.GetProperty("doors");
            if (doors.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine("no doors configured (station.json \"access.doors\", see hardware/station.example.json)");
            }
            foreach (var d in doors.EnumerateArray())
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"door {d.GetProperty("id").GetInt32()} {d.GetProperty("name").GetString()}: {(d.GetProperty("unlocked").GetBoolean() ? "unlocked" : "locked")}, " +
                    $"{(d.GetProperty("open").GetBoolean() ? "open" : "shut")}, mode {d.GetProperty("mode").GetString()}{(d.GetProperty("firstIn").GetBoolean() ? " (first-person-in)" : "")}, " +
                    $"{d.GetProperty("credentials").GetString()}, fail-{d.GetProperty("failMode").GetString()}; " +
                    $"{d.GetProperty("grants").GetInt64()} granted, {d.GetProperty("refusals").GetInt64()} refused, {d.GetProperty("rejectedFrames").GetInt64()} rejected frames"));
            }
            foreach (var a in root.GetProperty("alarms").EnumerateArray())
            {
                ctx.Out.WriteLine($"ALARM #{a.GetProperty("id").GetInt64()} {a.GetProperty("kind").GetString()} at {a.GetProperty("source").GetString()} since {a.GetProperty("raisedAt").GetString()}" +
                    $"{(a.GetProperty("causeActive").GetBoolean() ? "" : " (cause ended)")}: not acknowledged");
            }
            if (root.TryGetProperty("osdp", out var osdp))
            {
                var bus = osdp.GetProperty("up").GetBoolean() ? "up"
                    : "down" + (osdp.TryGetProperty("lastError", out var why) ? $" ({why.GetString()})" : "");
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"OSDP bus {osdp.GetProperty("device").GetString()} at {osdp.GetProperty("baud").GetInt32()} baud, secure channel {(osdp.GetProperty("secureChannel").GetBoolean() ? "on" : "OFF")}: {bus}, {osdp.GetProperty("restarts").GetInt64()} restarts"));
                foreach (var r in osdp.GetProperty("readers").EnumerateArray())
                {
                    ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  reader {r.GetProperty("address").GetInt32()}/{r.GetProperty("reader").GetInt32()} at door {r.GetProperty("door").GetInt32()} {r.GetProperty("direction").GetString()}: " +
                        $"{(r.GetProperty("online").GetBoolean() ? "online" : "offline")}{(r.GetProperty("secureChannelUp").GetBoolean() ? ", secure channel up" : "")}"));
                }
            }
            var log = root.GetProperty("eventLog");
            var failed = log.TryGetProperty("lastError", out var e) ? $" (last write failed: {e.GetString()})" : "";
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"event log: {log.GetProperty("written").GetInt64()} written, {log.GetProperty("waiting").GetInt32()} waiting, {log.GetProperty("dropped").GetInt64()} dropped{failed}"));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Events(GlobalOptions g, CliContext ctx)
    {
        var since = new Option<string?>("--since") { Description = "only events from this date or time on (e.g. 2026-03-01 or 2026-03-01T08:00Z)", HelpName = "WHEN" };
        var limit = new Option<int>("--limit") { Description = "at most this many, newest first (1–10000)", DefaultValueFactory = _ => 50, HelpName = "N" };
        var doorId = new Option<int?>("--door") { Description = "only this door", HelpName = "N" };
        var cmd = new Command("events", "the access event log, newest first: grants, refusals and why, exit button, alarms, acknowledgements, mode changes") { since, limit, doorId };
        cmd.SetAction(p =>
        {
            var n = p.GetValue(limit);
            if (n is < 1 or > 10_000)
            {
                throw new UsageException($"--limit must be 1–10000 (got {n})");
            }
            var query = string.Create(CultureInfo.InvariantCulture, $"/api/doors/events?limit={n}");
            if (p.GetValue(since) is { } s)
            {
                query += "&since=" + Uri.EscapeDataString(s);
            }
            if (p.GetValue(doorId) is { } d)
            {
                query += string.Create(CultureInfo.InvariantCulture, $"&door={d}");
            }
            var body = Call(g, p, ctx, HttpMethod.Get, query, null);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(body);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(body);
            var events = doc.RootElement.GetProperty("events");
            if (events.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine("no events");
            }
            foreach (var e in events.EnumerateArray())
            {
                ctx.Out.WriteLine(Line(e));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Simulate(GlobalOptions g, CliContext ctx)
    {
        var action = new Argument<string>("ACTION") { Description = string.Join(" | ", DoorSimulation.Actions) };
        var value = new Argument<string?>("VALUE") { Description = "the card for swipe (FACILITY:NUMBER, e.g. 12:34567), the digits for pin", Arity = ArgumentArity.ZeroOrOne };
        var doorId = new Option<int>("--door") { Description = "which door", Required = true, HelpName = "N" };
        var reader = new Option<string?>("--reader") { Description = "for swipe and pin: the reader on the door's in (default) or out side; an OSDP reader when one serves that side", HelpName = "in|out" };
        var cmd = new Command("simulate", "play a card swipe, a PIN, the exit button, the door opening or closing, or the alarm button by a door, on the simulated GPIO (or simulated OSDP bus) of the running service") { action, value, doorId, reader };
        cmd.SetAction(p =>
        {
            var what = p.GetValue(action)!.Trim().ToLowerInvariant();
            if (!DoorSimulation.Actions.Contains(what))
            {
                throw new UsageException($"'{what}' is not something to simulate; use one of {string.Join(", ", DoorSimulation.Actions)}");
            }
            var v = p.GetValue(value);
            if (what is "swipe" or "pin" && string.IsNullOrWhiteSpace(v))
            {
                throw new UsageException(what == "swipe" ? "door simulate swipe needs the card, e.g. door simulate swipe 12:34567 --door 1" : "door simulate pin needs the digits, e.g. door simulate pin 1234 --door 1");
            }
            if (what is not ("swipe" or "pin") && v is not null)
            {
                throw new UsageException($"door simulate {what} takes no value (got '{v}')");
            }
            var json = new Dictionary<string, string> { ["action"] = what };
            if (v is not null)
            {
                json["value"] = v;
            }
            if (p.GetValue(reader) is { } side)
            {
                json["reader"] = side;
            }
            var body = Call(g, p, ctx, HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/doors/{p.GetValue(doorId)}/simulate"), json);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(body);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var events = root.GetProperty("events");
            foreach (var e in events.EnumerateArray())
            {
                ctx.Out.WriteLine(Line(e));
            }
            if (events.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine(what == "swipe" ? "no decision yet: the door waits for the card holder's PIN (door simulate pin …)" : "no event");
            }
            if (root.TryGetProperty("osdpReader", out var shown))
            {
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"OSDP reader {shown.GetProperty("address").GetInt32()}: LED {(shown.TryGetProperty("led", out var led) ? led.GetString() : "unchanged")}, {shown.GetProperty("beeps").GetInt32()} beep(s)"));
            }
            ctx.Out.WriteLine($"door {root.GetProperty("door").GetInt32()} is {(root.GetProperty("unlocked").GetBoolean() ? "unlocked" : "locked")}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Line(JsonElement e)
    {
        string? Opt(string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
        var parts = new List<string> { e.GetProperty("at").GetString()!, $"door {e.GetProperty("door").GetInt32()}" };
        if (Opt("source") is { } source)
        {
            parts.Add(source);
        }
        parts.Add(e.GetProperty("kind").GetString()!);
        if (e.GetProperty("reason").GetString() is { } reason && reason != e.GetProperty("kind").GetString())
        {
            parts.Add(reason);
        }
        if (Opt("person") is { } person)
        {
            parts.Add(person);
        }
        if (Opt("card") is { } card)
        {
            parts.Add("card " + card);
        }
        if (Opt("direction") is { } dir)
        {
            parts.Add(dir);
        }
        if (Opt("actor") is { } actor)
        {
            parts.Add("by " + actor);
        }
        return string.Join("  ", parts);
    }

    /// <summary>One call of the running service's doors API; exit 3 when no service runs (the doors and their rights live in it).</summary>
    internal static string Call(GlobalOptions g, ParseResult p, CliContext ctx, HttpMethod method, string path, Dictionary<string, string>? json)
    {
        using var client = g.RunningService(p, ctx)
            ?? throw new StorageEnvironmentException($"no station service runs on {g.ResolveDataDir(p, ctx)}: the doors live in the running service; start it (edgestation run, or edgestation demo)");
        return client.Call(method, path, json, g.ResolveActor(p, ctx));
    }
}
