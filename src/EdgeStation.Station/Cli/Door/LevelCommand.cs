using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace EdgeStation.Station.Cli.Door;

/// <summary>
/// `edgestation level add | list | remove`: access levels (门禁权限组), each a set of doors with the schedule they open on,
/// given to people with `person add --level N`. Through the running service; each change an <c>access</c> ledger entry.
/// </summary>
public static class LevelCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var level = new Command("level", "access levels (doors × schedules) given to people: add, list, remove (each change a ledger entry)");
        level.Aliases.Add("levels"); // issue 17's spelling
        level.Subcommands.Add(Add(g, ctx));
        level.Subcommands.Add(List(g, ctx));
        level.Subcommands.Add(Remove(g, ctx));
        return level;
    }

    private static Command Add(GlobalOptions g, CliContext ctx)
    {
        var name = new Option<string>("--name") { Description = "what the level is, e.g. 档案室办公时间 (1–64 characters)", Required = true, HelpName = "NAME" };
        var doors = new Option<string[]>("--door")
        {
            Description = "a door it opens, DOOR or DOOR@SCHEDULE (e.g. 1 for door 1 at any time, 2@1 for door 2 on schedule 1); repeat for more",
            Required = true,
            HelpName = "DOOR[@SCHEDULE]",
            AllowMultipleArgumentsPerToken = false,
        };
        var id = new Option<int?>("--id") { Description = "the level's number (1–1023); default the first free one", HelpName = "N" };
        var replace = new Option<bool>("--replace") { Description = "give an existing level of that number these doors" };
        var cmd = new Command("add", "add a level; prints its number") { name, doors, id, replace };
        cmd.SetAction(p =>
        {
            // A bare door number means at any time: schedule 0 ('always').
            var text = string.Join(",", p.GetValue(doors)!.Select(d => d.Trim()).Select(d => d.Contains('@', StringComparison.Ordinal) ? d : d + "@0"));
            var body = new Dictionary<string, string> { ["name"] = p.GetValue(name)!, ["doors"] = text, ["replace"] = p.GetValue(replace) ? "true" : "false" };
            if (p.GetValue(id) is { } n)
            {
                body["id"] = n.ToString(CultureInfo.InvariantCulture);
            }
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, "/api/access/levels", body);
            using var doc = JsonDocument.Parse(answer);
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : doc.RootElement.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("list", "every level: its doors with their schedules, and how many people hold it");
        cmd.SetAction(p =>
        {
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Get, "/api/access/levels", null);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(answer);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(answer);
            var levels = doc.RootElement.GetProperty("levels");
            if (levels.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine("no levels (level add --name … --door 1)");
            }
            foreach (var l in levels.EnumerateArray())
            {
                var doors = string.Join(", ", l.GetProperty("doors").EnumerateArray().Select(d => string.Create(CultureInfo.InvariantCulture,
                    $"door {d.GetProperty("door").GetInt32()} {d.GetProperty("doorName").GetString()} on {d.GetProperty("schedule").GetInt32()} {d.GetProperty("scheduleName").GetString()}")));
                ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{l.GetProperty("id").GetInt32()}  {l.GetProperty("name").GetString()}  {doors}  ({l.GetProperty("holders").GetInt32()} holders)"));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Remove(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<int>("N") { Description = "the level's number" };
        var cmd = new Command("remove", "remove a level: whoever holds it loses its doors at once; the ledger keeps who did it") { id };
        cmd.SetAction(p =>
        {
            var n = p.GetValue(id).ToString(CultureInfo.InvariantCulture);
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, $"/api/access/levels/{n}/remove", new Dictionary<string, string>());
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : $"level {n} removed");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
