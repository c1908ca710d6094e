using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace EdgeStation.Station.Cli.Door;

/// <summary>
/// `edgestation person add | list | remove`: the people the doors know (门禁人员). Through the running service, like
/// the `door` commands: the rights live in its memory, and each change is an <c>access</c> ledger entry naming the actor.
/// </summary>
public static class PersonCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var person = new Command("person", "the people the doors know: enrol, list, remove (each change a ledger entry)");
        person.Aliases.Add("persons"); // issue 17's spelling
        person.Subcommands.Add(Add(g, ctx));
        person.Subcommands.Add(List(g, ctx));
        person.Subcommands.Add(Remove(g, ctx));
        return person;
    }

    private static Command Add(GlobalOptions g, CliContext ctx)
    {
        var name = new Option<string>("--name") { Description = "the person's name (1–64 characters)", Required = true, HelpName = "NAME" };
        var levels = new Option<int[]>("--level") { Description = "an access level the person holds (repeat for more); none: no door yet", HelpName = "N", AllowMultipleArgumentsPerToken = false };
        var from = new Option<string?>("--from") { Description = "first valid day, e.g. 2026-03-01", HelpName = "DAY" };
        var until = new Option<string?>("--until") { Description = "last valid day, e.g. 2026-12-31", HelpName = "DAY" };
        var cmd = new Command("add", "enrol a person; prints the new person's id (P-000001 …)") { name, levels, from, until };
        cmd.SetAction(p =>
        {
            var body = new Dictionary<string, string> { ["name"] = p.GetValue(name)! };
            if (p.GetValue(levels) is { Length: > 0 } l)
            {
                body["levels"] = string.Join(",", l.Select(n => n.ToString(CultureInfo.InvariantCulture)));
            }
            if (p.GetValue(from) is { } f)
            {
                body["from"] = f;
            }
            if (p.GetValue(until) is { } u)
            {
                body["until"] = u;
            }
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, "/api/access/persons", body);
            using var doc = JsonDocument.Parse(answer);
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : doc.RootElement.GetProperty("id").GetString());
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("list", "every enrolled person with levels, cards and whether a PIN is set");
        cmd.SetAction(p =>
        {
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Get, "/api/access/persons", null);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(answer);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(answer);
            var persons = doc.RootElement.GetProperty("persons");
            if (persons.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine("no one enrolled (person add --name …)");
            }
            foreach (var person in persons.EnumerateArray())
            {
                var levels = string.Join(",", person.GetProperty("levels").EnumerateArray().Select(l => l.GetInt32().ToString(CultureInfo.InvariantCulture)));
                var cards = string.Join(" ", person.GetProperty("cards").EnumerateArray().Select(c => c.GetString()));
                var valid = (person.TryGetProperty("from", out var f) ? f.GetString() : "") + (person.TryGetProperty("until", out var u) ? "…" + u.GetString() : "");
                ctx.Out.WriteLine($"{person.GetProperty("id").GetString()}  {person.GetProperty("name").GetString()}  levels {(levels.Length == 0 ? "none" : levels)}  " +
                    $"cards {(cards.Length == 0 ? "none" : cards)}{(valid.Length == 0 ? "" : "  valid " + valid)}{(person.GetProperty("pin").GetBoolean() ? "  PIN set" : "")}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Remove(GlobalOptions g, CliContext ctx)
    {
        var id = new Argument<string>("ID") { Description = "the person's id, e.g. P-000001" };
        var cmd = new Command("remove", "take every door from a person: their cards and PINs go too, the id is never reused; the ledger keeps who did it and when") { id };
        cmd.Aliases.Add("disable"); // the earlier name
        cmd.SetAction(p =>
        {
            var person = p.GetValue(id)!.Trim();
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, $"/api/access/persons/{Uri.EscapeDataString(person)}/remove", new Dictionary<string, string>());
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : $"{person} removed");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
