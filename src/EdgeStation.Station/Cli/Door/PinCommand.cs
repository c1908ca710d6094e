using System.CommandLine;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Station.Cli.Door;

/// <summary>
/// `edgestation pin set --person ID [--duress] [--pin-stdin]`: a door PIN (门禁密码) for an enrolled person, through the
/// running service. The PIN is asked twice without echo (or read from one line of standard input), never taken as an
/// argument (it would show in `ps` and the shell history); the service keeps only its keyed hash, apart from the
/// ledger, whose <c>access</c> entry says only that a PIN was set, for whom and by whom.
/// </summary>
public static class PinCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var pin = new Command("pin", "door PINs of enrolled people (the hash is kept apart from the ledger; the ledger records that a PIN was set)");
        pin.Aliases.Add("pins"); // issue 17's spelling
        pin.Subcommands.Add(Set(g, ctx));
        return pin;
    }

    private static Command Set(GlobalOptions g, CliContext ctx)
    {
        var person = new Option<string>("--person") { Description = "the person's id, e.g. P-000001", Required = true, HelpName = "ID" };
        var duress = new Option<bool>("--duress") { Description = "set the duress PIN (胁迫码): it opens the door and raises a silent alarm" };
        var stdin = new Option<bool>("--pin-stdin") { Description = "read the PIN from one line of standard input instead of asking on the terminal" };
        var cmd = new Command("set", $"set or change a person's PIN ({PinRules.MinLength}–{PinRules.MaxLength} digits), asked twice without echo") { person, duress, stdin };
        cmd.SetAction(p =>
        {
            var id = p.GetValue(person)!.Trim();
            var secret = Read(p.GetValue(stdin), p.GetValue(duress), ctx);
            try
            {
                PinRules.Check(secret);
            }
            catch (AccessInputException ex)
            {
                throw new UsageException(ex.Message + "; nothing was changed");
            }
            var body = new Dictionary<string, string> { ["pin"] = secret, ["duress"] = p.GetValue(duress) ? "true" : "false" };
            var answer = DoorCommand.Call(g, p, ctx, HttpMethod.Post, $"/api/access/persons/{Uri.EscapeDataString(id)}/pin", body);
            ctx.Out.WriteLine(p.GetValue(g.Json) ? answer : $"{(p.GetValue(duress) ? "duress PIN" : "PIN")} set for {id}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Read(bool fromStdin, bool duress, CliContext ctx)
    {
        if (fromStdin)
        {
            return (ctx.In.ReadLine() ?? throw new UsageException("--pin-stdin: standard input is empty; send the PIN on one line")).Trim();
        }
        if (ctx.AskHidden is not { } ask)
        {
            throw new UsageException("standard input is not a terminal, so the PIN cannot be asked for: use --pin-stdin and send it on one line");
        }
        var first = ask(duress ? "duress PIN (4–8 digits): " : "PIN (4–8 digits): ") ?? throw new UsageException("no PIN given; nothing was changed");
        if (ask("again: ") != first)
        {
            throw new UsageException("the two entries differ; nothing was changed");
        }
        return first.Trim();
    }
}
