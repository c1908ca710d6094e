using System.CommandLine;
using System.Text.Json;

namespace EdgeStation.Station.Cli.Door;

/// <summary>`edgestation card add | remove | list`: cards of enrolled people, through the running service (each change an <c>access</c> ledger entry).</summary>
public static class CardCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var card = new Command("card", "door cards of enrolled people: give, take away, list (each change a ledger entry)");
        card.Aliases.Add("cards"); // issue 17's spelling
        card.Subcommands.Add(Add(g, ctx));
        card.Subcommands.Add(Remove(g, ctx));
        card.Subcommands.Add(List(g, ctx));
        return card;
    }

    private static Option<string> CardOption() =>
        new("--card") { Description = "FACILITY:NUMBER (Wiegand, e.g. 12:34567) or uid:HEX (13.56 MHz)", Required = true, HelpName = "CARD" };

    private static Command Add(GlobalOptions g, CliContext ctx)
    {
        var person = new Option<string>("--person") { Description = "the person's id, e.g. P-000001", Required = true, HelpName = "ID" };
        var number = CardOption();
        var add = new Command("add", "give a person a card (live at the door at once)") { person, number };
        add.SetAction(p =>
        {
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, "/api/access/cards",
                new Dictionary<string, string> { ["person"] = p.GetValue(person)!.Trim(), ["card"] = p.GetValue(number)!.Trim() });
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : $"card {p.GetValue(number)!.Trim()} given to {p.GetValue(person)!.Trim()}");
            return ExitCodes.Ok;
        });
        return add;
    }

    private static Command Remove(GlobalOptions g, CliContext ctx)
    {
        var number = CardOption();
        var remove = new Command("remove", "take a card away (lost, returned); it opens nothing from then on, and the ledger keeps who took it") { number };
        remove.SetAction(p =>
        {
            var text = p.GetValue(number)!.Trim();
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, $"/api/access/cards/{Uri.EscapeDataString(text)}/remove", new Dictionary<string, string>());
            using var doc = JsonDocument.Parse(answer);
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : $"card {doc.RootElement.GetProperty("card").GetString()} taken from {doc.RootElement.GetProperty("person").GetString()}");
            return ExitCodes.Ok;
        });
        return remove;
    }

    private static Command List(GlobalOptions g, CliContext ctx)
    {
        var person = new Option<string?>("--person") { Description = "only this person's cards, e.g. P-000001", HelpName = "ID" };
        var list = new Command("list", "every enrolled card and who holds it (names people: officials and admins)") { person };
        list.SetAction(p =>
        {
            var path = p.GetValue(person) is { } id ? "/api/access/cards?person=" + Uri.EscapeDataString(id.Trim()) : "/api/access/cards";
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Get, path, null);
            if (p.GetValue(g.Json))
            {
                ctx.Out.WriteLine(answer);
                return ExitCodes.Ok;
            }
            using var doc = JsonDocument.Parse(answer);
            var cards = doc.RootElement.GetProperty("cards");
            if (cards.GetArrayLength() == 0)
            {
                ctx.Out.WriteLine("no cards (card add --person ID --card …)");
            }
            foreach (var c in cards.EnumerateArray())
            {
                ctx.Out.WriteLine($"{c.GetProperty("card").GetString()}  {c.GetProperty("person").GetString()}  {c.GetProperty("name").GetString()}");
            }
            return ExitCodes.Ok;
        });
        return list;
    }
}
