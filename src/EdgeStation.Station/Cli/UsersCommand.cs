using System.CommandLine;
using System.Globalization;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Output;

namespace EdgeStation.Station.Cli;

/// <summary>
/// `edgestation users …`: the accounts of the kiosk and API. Whoever can run this command on the box with access
/// to the data dir is trusted (like every other command); each change is a ledger entry naming --actor. Like the
/// other commands it needs the database to itself: stop the service first.
/// </summary>
public static class UsersCommand
{
    public static Command Build(GlobalOptions g, CliContext ctx)
    {
        var users = new Command("users", $"accounts for the kiosk and API (roles: {RoleNames.AllNames}); first run: users add --role admin NAME");
        users.Subcommands.Add(BuildAdd(g, ctx));
        users.Subcommands.Add(BuildList(g, ctx));
        users.Subcommands.Add(BuildRemove(g, ctx));
        users.Subcommands.Add(BuildPasswd(g, ctx));
        users.Subcommands.Add(BuildSetRole(g, ctx));
        users.Subcommands.Add(BuildSetDisabled(g, ctx, disabled: true));
        users.Subcommands.Add(BuildSetDisabled(g, ctx, disabled: false));
        users.Subcommands.Add(BuildUnlock(g, ctx));
        return users;
    }

    private static Argument<string> NameArgument() => new("NAME") { Description = "account name: 2–32 letters, digits, '.', '_', '-' (case does not matter)" };

    private static Option<string> RoleOption() => new("--role") { Description = $"one of {RoleNames.AllNames}", Required = true, HelpName = "ROLE" };

    private static Option<string[]> GridOption() => new("--grid")
    {
        Description = "a grid worker's grid (repeat for several), as in the records' grid field, e.g. grid-1",
        HelpName = "GRID",
    };

    private static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "read the password/PIN from one line of standard input instead of asking on the terminal",
    };

    private static Command BuildAdd(GlobalOptions g, CliContext ctx)
    {
        var name = NameArgument();
        var role = RoleOption();
        var grid = GridOption();
        var stdin = PasswordStdinOption();
        var cmd = new Command("add", "add an account; asks twice for its password (8+ characters) or PIN (6+ digits)") { name, role, grid, stdin };
        cmd.SetAction(p =>
        {
            var r = RoleNames.Parse(p.GetValue(role));
            var grids = p.GetValue(grid) ?? [];
            var key = UserNames.Normalize(p.GetValue(name));
            GridNames.Check(r, grids); // everything that needs no database is checked before anything is opened
            var secret = SecretInput.Read(p.GetValue(stdin), ctx);
            SecretRules.Check(key, secret);
            var actor = g.ResolveActor(p, ctx);
            ClockGuard.EnsurePlausible(ctx.Time.GetUtcNow()); // a write needs a set clock: say so before a fresh data dir is made
            using var session = g.Open(p, ctx, mustExist: false);
            var account = session.Accounts.AddAsync(key, r, grids, secret, actor).GetAwaiter().GetResult();
            ctx.Out.WriteLine($"added {account.Name} ({Describe(account)})");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildList(GlobalOptions g, CliContext ctx)
    {
        var cmd = new Command("list", "list the accounts: name, role, grids, state (never a password)");
        cmd.SetAction(p =>
        {
            using var session = g.OpenToRead(p, ctx);
            var all = session.Accounts.Users.All();
            var now = ctx.Time.GetUtcNow();
            if (p.GetValue(g.Json))
            {
                using var s = new RecordJson.Stream(ctx.Out);
                var w = s.Writer;
                w.WriteStartArray();
                foreach (var u in all)
                {
                    w.WriteStartObject();
                    w.WriteString("name", u.Name);
                    w.WriteString("role", RoleNames.Name(u.Role));
                    w.WriteStartArray("grids");
                    foreach (var grid in u.Grids)
                    {
                        w.WriteStringValue(grid);
                    }
                    w.WriteEndArray();
                    w.WriteString("createdAt", u.CreatedAt);
                    w.WriteBoolean("disabled", u.Disabled);
                    w.WriteNumber("failedLogins", u.FailedLogins);
                    if (u.Lockout.IsLocked(now))
                    {
                        w.WriteString("lockedUntil", u.LockedUntil!.Value);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                return ExitCodes.Ok;
            }
            if (all.Count == 0)
            {
                ctx.Out.WriteLine("no accounts yet: edgestation users add --role admin NAME");
                return ExitCodes.Ok;
            }
            var zone = session.Service.Commands.Time.Zone;
            ctx.Out.WriteLine($"{"NAME",-20} {"ROLE",-12} {"GRIDS",-24} STATE");
            foreach (var u in all)
            {
                var state = u.Disabled ? "disabled"
                    : u.Lockout.IsLocked(now) ? $"locked until {TimeZoneInfo.ConvertTime(u.LockedUntil!.Value, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}"
                    : "active";
                ctx.Out.WriteLine($"{u.Name,-20} {RoleNames.Name(u.Role),-12} {string.Join(',', u.Grids),-24} {state}");
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildRemove(GlobalOptions g, CliContext ctx)
    {
        var name = NameArgument();
        var cmd = new Command("remove", "remove an account (never the last admin); its history stays in the ledger") { name };
        cmd.SetAction(p =>
        {
            using var session = g.Open(p, ctx, mustExist: true);
            session.Accounts.RemoveAsync(p.GetValue(name)!, g.ResolveActor(p, ctx)).GetAwaiter().GetResult();
            ctx.Out.WriteLine($"removed {UserNames.LoginKey(p.GetValue(name))}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildPasswd(GlobalOptions g, CliContext ctx)
    {
        var name = NameArgument();
        var stdin = PasswordStdinOption();
        var cmd = new Command("passwd", "set a new password/PIN (asked twice); also ends a lockout") { name, stdin };
        cmd.SetAction(p =>
        {
            using var session = g.Open(p, ctx, mustExist: true);
            var account = session.Accounts.Users.Find(p.GetValue(name)!)
                ?? throw new AccountInputException($"no account '{UserNames.LoginKey(p.GetValue(name))}' (see 'edgestation users list')");
            var secret = SecretInput.Read(p.GetValue(stdin), ctx);
            session.Accounts.ChangePasswordAsync(account.Name, secret, g.ResolveActor(p, ctx)).GetAwaiter().GetResult();
            ctx.Out.WriteLine($"new password/PIN set for {account.Name}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildSetRole(GlobalOptions g, CliContext ctx)
    {
        var name = NameArgument();
        var role = RoleOption();
        var grid = GridOption();
        var cmd = new Command("set-role", "change an account's role (and a grid worker's grids); never demotes the last admin") { name, role, grid };
        cmd.SetAction(p =>
        {
            using var session = g.Open(p, ctx, mustExist: true);
            var account = session.Accounts.ChangeRoleAsync(p.GetValue(name)!, RoleNames.Parse(p.GetValue(role)), p.GetValue(grid) ?? [], g.ResolveActor(p, ctx))
                .GetAwaiter().GetResult();
            ctx.Out.WriteLine($"{account.Name} is now {Describe(account)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildSetDisabled(GlobalOptions g, CliContext ctx, bool disabled)
    {
        var name = NameArgument();
        var cmd = new Command(disabled ? "disable" : "enable",
            disabled ? "stop an account from logging in, keeping it (never the last admin)" : "let a disabled account log in again") { name };
        cmd.SetAction(p =>
        {
            using var session = g.Open(p, ctx, mustExist: true);
            var account = session.Accounts.SetDisabledAsync(p.GetValue(name)!, disabled, g.ResolveActor(p, ctx)).GetAwaiter().GetResult();
            ctx.Out.WriteLine($"{account.Name} {(disabled ? "disabled" : "enabled")}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command BuildUnlock(GlobalOptions g, CliContext ctx)
    {
        var name = NameArgument();
        var cmd = new Command("unlock", "end a lockout after failed logins now, instead of waiting") { name };
        cmd.SetAction(p =>
        {
            using var session = g.Open(p, ctx, mustExist: true);
            var account = session.Accounts.UnlockAsync(p.GetValue(name)!, g.ResolveActor(p, ctx)).GetAwaiter().GetResult();
            ctx.Out.WriteLine($"{account.Name} unlocked");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Describe(UserAccount account) =>
        account.Grids.Count == 0 ? RoleNames.Name(account.Role) : $"{RoleNames.Name(account.Role)} of {string.Join(", ", account.Grids)}";
}
