using EdgeStation.Domain.Records;

namespace EdgeStation.Domain.Accounts;

/// <summary>
/// Validates an account change against the current accounts and returns the new account and the ledger entry
/// that records it (type "user", record id "user:NAME"; fields role and grids, never a hash). Pure, like
/// <see cref="RecordCommands"/>: the store runs it on the ledger's writer thread so the checks see the latest state.
/// Throws <see cref="AccountInputException"/>; in particular no change may leave the station without an enabled admin.
/// </summary>
public static class UserCommands
{
    public const string AddAction = "add";
    public const string RemoveAction = "remove";
    public const string RoleAction = "role";
    public const string PasswordAction = "passwd";
    public const string DisableAction = "disable";
    public const string EnableAction = "enable";
    public const string UnlockAction = "unlock";

    public static string RecordId(string name) => "user:" + name;

    public static (UserAccount Account, RecordEvent Entry) Add(UserAccount? existing, string name, Role role, IEnumerable<string>? grids, string passwordHash, string actor, DateTimeOffset now)
    {
        if (existing is not null)
        {
            throw new AccountInputException($"an account '{name}' exists already (change it with 'users passwd' or 'users set-role')");
        }
        var account = new UserAccount
        {
            Name = name,
            Role = role,
            Grids = GridNames.Check(role, grids),
            PasswordHash = passwordHash,
            CreatedAt = RecordEvent.Truncate(now),
        };
        return (account, Entry(name, AddAction, actor, now, account));
    }

    public static RecordEvent Remove(UserAccount? current, string name, IReadOnlyCollection<UserAccount> all, string actor, DateTimeOffset now)
    {
        var account = Require(current, name);
        EnsureAnotherAdmin(account, all, "removed");
        return Entry(name, RemoveAction, actor, now, null);
    }

    public static (UserAccount Account, RecordEvent Entry) ChangeRole(UserAccount? current, string name, Role role, IEnumerable<string>? grids, IReadOnlyCollection<UserAccount> all, string actor, DateTimeOffset now)
    {
        var account = Require(current, name);
        if (role != Role.Admin)
        {
            EnsureAnotherAdmin(account, all, "made " + RoleNames.Name(role));
        }
        var changed = account with { Role = role, Grids = GridNames.Check(role, grids) };
        return (changed, Entry(name, RoleAction, actor, now, changed));
    }

    public static (UserAccount Account, RecordEvent Entry) ChangePassword(UserAccount? current, string name, string passwordHash, string actor, DateTimeOffset now)
    {
        var account = Require(current, name);
        return (account with { PasswordHash = passwordHash, FailedLogins = 0, LockedUntil = null }, Entry(name, PasswordAction, actor, now, null));
    }

    public static (UserAccount Account, RecordEvent Entry) SetDisabled(UserAccount? current, string name, bool disabled, IReadOnlyCollection<UserAccount> all, string actor, DateTimeOffset now)
    {
        var account = Require(current, name);
        if (account.Disabled == disabled)
        {
            throw new AccountInputException($"'{name}' is {(disabled ? "disabled" : "enabled")} already");
        }
        if (disabled)
        {
            EnsureAnotherAdmin(account, all, "disabled");
        }
        return (account with { Disabled = disabled }, Entry(name, disabled ? DisableAction : EnableAction, actor, now, null));
    }

    public static (UserAccount Account, RecordEvent Entry) Unlock(UserAccount? current, string name, string actor, DateTimeOffset now)
    {
        var account = Require(current, name);
        return (account with { FailedLogins = 0, LockedUntil = null }, Entry(name, UnlockAction, actor, now, null));
    }

    private static UserAccount Require(UserAccount? current, string name) =>
        current ?? throw new AccountInputException($"no account '{name}' (see 'edgestation users list')");

    private static void EnsureAnotherAdmin(UserAccount account, IReadOnlyCollection<UserAccount> all, string what)
    {
        if (account.Role == Role.Admin && !account.Disabled
            && !all.Any(u => u.Role == Role.Admin && !u.Disabled && u.Name != account.Name))
        {
            throw new AccountInputException($"'{account.Name}' is the last admin and cannot be {what}: add another admin first (edgestation users add --role admin NAME)");
        }
    }

    private static RecordEvent Entry(string name, string action, string actor, DateTimeOffset now, UserAccount? account)
    {
        var fields = new SortedDictionary<string, FieldValue>(StringComparer.Ordinal);
        if (account is not null)
        {
            fields["role"] = FieldValue.Of(RoleNames.Name(account.Role));
            if (account.Grids.Count > 0)
            {
                fields["grids"] = FieldValue.Of(string.Join(',', account.Grids));
            }
        }
        return new RecordEvent
        {
            Type = RecordEvent.UserType,
            RecordId = RecordId(name),
            Action = action,
            Actor = actor,
            At = RecordEvent.Truncate(now),
            Fields = fields,
        };
    }
}
