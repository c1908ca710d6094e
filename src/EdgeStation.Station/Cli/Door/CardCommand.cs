using System.CommandLine;

namespace EdgeStation.Station.Cli.Door;

/// <summary>`edgestation card add`: a card for an enrolled person, through the running service (an <c>access</c> ledger entry).</summary>
public static class CardCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var card = new Command("card", "door cards of enrolled people (each change a ledger entry)");
        var person = new Option<string>("--person") { Description = "the person's id, e.g. P-000001", Required = true, HelpName = "ID" };
        var number = new Option<string>("--card") { Description = "FACILITY:NUMBER (Wiegand, e.g. 12:34567) or uid:HEX (13.56 MHz)", Required = true, HelpName = "CARD" };
        var add = new Command("add", "give a person a card") { person, number };
        add.SetAction(p =>
        {
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, "/api/access/cards",
                new Dictionary<string, string> { ["person"] = p.GetValue(person)!.Trim(), ["card"] = p.GetValue(number)!.Trim() });
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : $"card {p.GetValue(number)!.Trim()} given to {p.GetValue(person)!.Trim()}");
            return ExitCodes.Ok;
        });
        card.Aliases.Add("cards"); // issue 17's spelling
        card.Subcommands.Add(add);
        return card;
    }
}
