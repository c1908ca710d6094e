using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;

namespace EdgeStation.Domain.Tests.Accounts;

public sealed class UserCommandsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);
    private const string Hash = "pbkdf2-sha256$600000$c2FsdA==$aGFzaA==";

    private static UserAccount Account(string name, Role role, bool disabled = false, params string[] grids) =>
        new() { Name = name, Role = role, Grids = grids, PasswordHash = Hash, CreatedAt = Now, Disabled = disabled };

    [Fact]
    public void Adding_records_role_and_grids_but_never_the_hash()
    {
        var (account, entry) = UserCommands.Add(null, "zhao", Role.GridWorker, ["grid-1", "grid-2"], Hash, "cli:root", Now);

        Assert.Equal(["grid-1", "grid-2"], account.Grids);
        Assert.Equal(RecordEvent.UserType, entry.Type);
        Assert.Equal("user:zhao", entry.RecordId);
        Assert.Equal("add", entry.Action);
        Assert.Equal("grid-worker", entry.Fields["role"].Text);
        Assert.Equal("grid-1,grid-2", entry.Fields["grids"].Text);
        Assert.DoesNotContain(entry.Fields.Values, v => v.Text?.Contains("pbkdf2", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_name_that_exists_cannot_be_added_again()
    {
        Assert.Throws<AccountInputException>(() => UserCommands.Add(Account("zhao", Role.Viewer), "zhao", Role.Viewer, null, Hash, "cli:root", Now));
    }

    [Fact]
    public void A_grid_worker_needs_a_grid()
    {
        var ex = Assert.Throws<AccountInputException>(() => UserCommands.Add(null, "zhao", Role.GridWorker, null, Hash, "cli:root", Now));

        Assert.Contains("--grid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_grid_worker_has_grids()
    {
        Assert.Throws<AccountInputException>(() => UserCommands.Add(null, "zhao", Role.Official, ["grid-1"], Hash, "cli:root", Now));
    }

    [Fact]
    public void The_last_admin_cannot_be_removed()
    {
        var admin = Account("root", Role.Admin);
        UserAccount[] all = [admin, Account("zhao", Role.Official)];

        var ex = Assert.Throws<AccountInputException>(() => UserCommands.Remove(admin, "root", all, "cli:root", Now));

        Assert.Contains("last admin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_admin_cannot_be_demoted_or_disabled()
    {
        var admin = Account("root", Role.Admin);
        UserAccount[] all = [admin, Account("other", Role.Admin, disabled: true)];

        Assert.Throws<AccountInputException>(() => UserCommands.ChangeRole(admin, "root", Role.Official, null, all, "cli:root", Now));
        Assert.Throws<AccountInputException>(() => UserCommands.SetDisabled(admin, "root", true, all, "cli:root", Now));
    }

    [Fact]
    public void An_admin_can_be_removed_while_another_enabled_admin_remains()
    {
        var admin = Account("root", Role.Admin);
        UserAccount[] all = [admin, Account("second", Role.Admin)];

        var entry = UserCommands.Remove(admin, "root", all, "cli:second", Now);

        Assert.Equal("remove", entry.Action);
    }

    [Fact]
    public void A_new_password_clears_the_lockout()
    {
        var locked = Account("zhao", Role.Viewer) with { FailedLogins = 7, LockedUntil = Now.AddMinutes(2) };

        var (account, entry) = UserCommands.ChangePassword(locked, "zhao", "new-hash", "cli:root", Now);

        Assert.Equal(LockoutState.Clear, account.Lockout);
        Assert.Equal("passwd", entry.Action);
        Assert.Empty(entry.Fields);
    }

    [Fact]
    public void Changing_an_unknown_account_says_so()
    {
        var ex = Assert.Throws<AccountInputException>(() => UserCommands.Unlock(null, "ghost", "cli:root", Now));

        Assert.Contains("no account 'ghost'", ex.Message, StringComparison.Ordinal);
    }
}
