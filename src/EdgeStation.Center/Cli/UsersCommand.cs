using System.CommandLine;
using System.Text.Json;
using EdgeStation.Center.Accounts;
using EdgeStation.Domain.Accounts;

namespace EdgeStation.Center.Cli;

/// <summary>`users add|list`: the township staff who may open the reports (accounts.json in the data dir).</summary>
public static class UsersCommand
{
    public static Command Build(CenterOptions o, CenterContext ctx)
    {
        var name = new Argument<string>("NAME") { Description = "account name (2–32 letters, digits, . _ -)" };
        var role = new Option<string>("--role") { Description = $"one of {RoleNames.AllNames}; reports: admin, official, viewer", Required = true, HelpName = "ROLE" };
        var add = new Command("add", "add an account; the password is read from the first line of standard input") { name, role };
        add.SetAction(p =>
        {
            var secret = ctx.In.ReadLine() ?? throw new UsageException("give the password on standard input, e.g. printf '%s\\n' \"$PASSWORD\" | edgestation-center users add NAME --role official");
            try
            {
                var account = new CenterAccounts(o.ResolveDataDir(p, ctx)).Add(p.GetValue(name)!, p.GetValue(role)!, secret);
                ctx.Out.WriteLine($"added {account.Name} ({account.Role})");
            }
            catch (AccountInputException e)
            {
                throw new UsageException(e.Message);
            }
            return ExitCodes.Ok;
        });
        var json = new Option<bool>("--json") { Description = "as JSON" };
        var list = new Command("list", "the accounts (names and roles, never hashes)") { json };
        list.SetAction(p =>
        {
            var all = new CenterAccounts(o.ResolveDataDir(p, ctx)).All().Select(a => new { a.Name, a.Role }).ToList();
            if (p.GetValue(json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(all, CenterJson.Options));
            }
            else
            {
                foreach (var a in all)
                {
                    ctx.Out.WriteLine($"{a.Name}\t{a.Role}");
                }
            }
            return ExitCodes.Ok;
        });
        return new Command("users", "township staff accounts for the reports") { add, list };
    }
}
