using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Tests.Cli;

/// <summary>`edgestation users …` run in-process against a real data dir.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private const string Secret = "平安村委会2026";
    private readonly TestStation _station = new();

    public void Dispose() => _station.Dispose();

    private CliResult Add(string name, string role, string secret = Secret, params string[] more)
    {
        _station.Input = secret + "\n";
        return _station.Run(["users", "add", "--role", role, "--password-stdin", .. more, name]);
    }

    private T WithStore<T>(Func<LedgerStore, T> read)
    {
        using var store = LedgerStore.Open(_station.DataDir, mustExist: true);
        return read(store);
    }

    [Fact]
    public void Users_add_with_password_stdin_stores_a_hash_that_verifies()
    {
        var r = Add("WangFang", "admin");

        Assert.Equal(0, r.Exit);
        Assert.Equal("added wangfang (admin)", r.Out.Trim());
        var account = WithStore(s => new UserStore(s).Find("wangfang"))!;
        Assert.Equal(Role.Admin, account.Role);
        Assert.StartsWith("pbkdf2-sha256$600000$", account.PasswordHash, StringComparison.Ordinal);
        Assert.NotEqual(PasswordVerification.Failed, PasswordHasher.Verify(Secret, account.PasswordHash));
    }

    [Fact]
    public void The_first_account_comes_after_the_stations_own_entry_and_names_its_actor()
    {
        Add("wangfang", "admin");

        var (station, history) = WithStore(s => (s.Station(), s.History("user:wangfang").ToList()));

        Assert.NotNull(station);
        var entry = Assert.Single(history);
        Assert.Equal(2, entry.Entry.Seq);
        Assert.Equal("cli:tester", entry.Event.Actor);
        Assert.DoesNotContain("pbkdf2", entry.Entry.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, entry.Entry.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345", "at least 6 digits")]
    [InlineData("111111", "one digit repeated")]
    [InlineData("short", "at least 8 characters")]
    [InlineData("wangfang", "account's name")]
    public void A_weak_password_or_pin_exits_2_and_writes_nothing(string secret, string message)
    {
        var r = Add("wangfang", "admin", secret);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_station.DbPath));
    }

    [Fact]
    public void The_last_admin_cannot_be_removed()
    {
        Add("wangfang", "admin");
        var head = _station.Head();

        var r = _station.Run("users", "remove", "wangfang");

        Assert.Equal(2, r.Exit);
        Assert.Contains("last admin", r.Err, StringComparison.Ordinal);
        Assert.Equal(head, _station.Head());
    }

    [Fact]
    public void The_last_admin_cannot_be_demoted_or_disabled()
    {
        Add("wangfang", "admin");

        Assert.Equal(2, _station.Run("users", "set-role", "wangfang", "--role", "official").Exit);
        Assert.Equal(2, _station.Run("users", "disable", "wangfang").Exit);
    }

    [Fact]
    public void With_a_second_admin_the_first_can_go()
    {
        Add("wangfang", "admin");
        Add("liming", "admin");

        var r = _station.Run("users", "remove", "wangfang");

        Assert.Equal(0, r.Exit);
        Assert.Null(WithStore(s => new UserStore(s).Find("wangfang")));
    }

    [Fact]
    public void Without_a_terminal_or_password_stdin_add_exits_2()
    {
        var r = _station.Run("users", "add", "--role", "admin", "wangfang");

        Assert.Equal(2, r.Exit);
        Assert.Contains("--password-stdin", r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_station.DbPath));
    }

    [Fact]
    public void On_a_terminal_it_asks_twice_and_refuses_two_different_entries()
    {
        _station.TerminalAnswers = new(["24681357", "24681358"]);

        var r = _station.Run("users", "add", "--role", "admin", "wangfang");

        Assert.Equal(2, r.Exit);
        Assert.Contains("differ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_two_matching_entries_add_the_account()
    {
        _station.TerminalAnswers = new(["24681357", "24681357"]);

        var r = _station.Run("users", "add", "--role", "admin", "wangfang");

        Assert.Equal(0, r.Exit);
    }

    [Fact]
    public void A_grid_worker_needs_a_grid_and_others_take_none()
    {
        Assert.Equal(2, Add("zhaolei", "grid-worker").Exit);
        Assert.Equal(2, Add("zhaolei", "viewer", Secret, "--grid", "grid-1").Exit);
        Assert.Equal(0, Add("zhaolei", "grid-worker", Secret, "--grid", "grid-1", "--grid", "grid-2").Exit);
    }

    [Fact]
    public void An_unknown_role_exits_2_and_lists_the_roles()
    {
        var r = Add("zhaolei", "superuser");

        Assert.Equal(2, r.Exit);
        Assert.Contains("admin, official, grid-worker, viewer, engineer", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_taken_already_exits_2()
    {
        Add("wangfang", "admin");

        var r = Add("WANGFANG", "viewer");

        Assert.Equal(2, r.Exit);
        Assert.Contains("exists already", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_list_json_shows_roles_and_grids_and_never_a_hash()
    {
        Add("wangfang", "admin");
        Add("zhaolei", "grid-worker", Secret, "--grid", "grid-2");

        var json = _station.Ok("users", "list", "--json");

        Assert.DoesNotContain("pbkdf2", json, StringComparison.Ordinal);
        var users = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(["wangfang", "zhaolei"], users.Select(u => u.GetProperty("name").GetString()));
        Assert.Equal("grid-worker", users[1].GetProperty("role").GetString());
        Assert.Equal("grid-2", users[1].GetProperty("grids")[0].GetString());
    }

    [Fact]
    public void Passwd_sets_a_new_secret_and_records_who_did_it()
    {
        Add("wangfang", "admin");
        _station.Input = "new-secret-2026\n";

        var r = _station.Run("--actor", "installer", "users", "passwd", "--password-stdin", "wangfang");

        Assert.Equal(0, r.Exit);
        var (account, last) = WithStore(s => (new UserStore(s).Find("wangfang")!, s.History("user:wangfang").Last().Event));
        Assert.NotEqual(PasswordVerification.Failed, PasswordHasher.Verify("new-secret-2026", account.PasswordHash));
        Assert.Equal(("passwd", "installer"), (last.Action, last.Actor));
    }

    [Fact]
    public void Set_role_changes_role_and_grids()
    {
        Add("wangfang", "admin");
        Add("zhaolei", "viewer");

        var r = _station.Run("users", "set-role", "zhaolei", "--role", "grid-worker", "--grid", "grid-4");

        Assert.Equal(0, r.Exit);
        var account = WithStore(s => new UserStore(s).Find("zhaolei"))!;
        Assert.Equal((Role.GridWorker, "grid-4"), (account.Role, account.Grids.Single()));
    }

    [Fact]
    public void Changing_an_unknown_account_exits_2()
    {
        Add("wangfang", "admin");

        var r = _station.Run("users", "remove", "ghost");

        Assert.Equal(2, r.Exit);
        Assert.Contains("no account 'ghost'", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_wait_for_the_database_like_every_command()
    {
        Add("wangfang", "admin");
        using var service = LedgerStore.Open(_station.DataDir); // stands in for the running service

        var r = Add("zhaolei", "viewer");

        Assert.Equal(3, r.Exit);
        Assert.Null(new UserStore(service).Find("zhaolei"));
    }

    [Fact]
    public void The_command_line_cannot_write_as_a_logged_in_user()
    {
        var r = _station.Run("--actor", "user:wangfang", "records", "add", "case", "--kind", "criminal");

        Assert.Equal(2, r.Exit);
        Assert.Contains("'user:'", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_still_verify_with_account_entries_in_the_chain()
    {
        Add("wangfang", "admin");
        _station.AddDispute();
        Add("zhaolei", "viewer");

        var r = _station.Run("records", "verify");

        Assert.Equal(0, r.Exit);
    }

    private string Ledger() => _station.Head();

    [Theory]
    [InlineData("enable")]
    [InlineData("unlock")]
    [InlineData("passwd")]
    [InlineData("set-role")]
    public void Changing_an_unknown_account_exits_2_and_writes_nothing(string command)
    {
        Add("wangfang", "admin");
        var before = Ledger();
        _station.Input = Secret + "\n";
        string[] args = command switch
        {
            "passwd" => ["users", "passwd", "--password-stdin", "ghost"],
            "set-role" => ["users", "set-role", "ghost", "--role", "viewer"],
            _ => ["users", command, "ghost"],
        };

        var r = _station.Run(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains("no account 'ghost'", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, Ledger());
    }

    [Theory]
    [InlineData("password", "most common")]
    [InlineData("123456", "consecutive digits")]
    [InlineData("wangfang2026", "account's name")]
    [InlineData("short", "at least 8 characters")]
    public void Passwd_with_a_weak_secret_exits_2_and_keeps_the_old_one(string secret, string message)
    {
        Add("wangfang", "admin");
        var before = Ledger();
        _station.Input = secret + "\n";

        var r = _station.Run("users", "passwd", "--password-stdin", "wangfang");

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(before, Ledger());
        var account = WithStore(s => new UserStore(s).Find("wangfang"))!;
        Assert.NotEqual(PasswordVerification.Failed, PasswordHasher.Verify(Secret, account.PasswordHash));
    }

    [Theory]
    [InlineData("superuser", null, "admin, official, grid-worker, viewer, engineer")]
    [InlineData("grid-worker", null, "needs at least one --grid")]
    [InlineData("viewer", "grid-1", "--grid is only for grid workers")]
    [InlineData("grid-worker", "grid,1", "no commas")]
    public void Set_role_with_a_bad_role_or_grid_exits_2_and_changes_nothing(string role, string? grid, string message)
    {
        Add("wangfang", "admin");
        Add("zhaolei", "official");
        var before = Ledger();
        string[] args = grid is null
            ? ["users", "set-role", "zhaolei", "--role", role]
            : ["users", "set-role", "zhaolei", "--role", role, "--grid", grid];

        var r = _station.Run(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(before, Ledger());
        Assert.Equal(Role.Official, WithStore(s => new UserStore(s).Find("zhaolei"))!.Role);
    }

    [Fact]
    public void Enabling_an_enabled_account_exits_2_and_writes_nothing()
    {
        Add("wangfang", "admin");
        var before = Ledger();

        var r = _station.Run("users", "enable", "wangfang");

        Assert.Equal(2, r.Exit);
        Assert.Contains("'wangfang' is enabled already", r.Err, StringComparison.Ordinal);
        Assert.Equal(before, Ledger());
    }

    [Fact]
    public void Unlock_ends_a_lockout_at_once()
    {
        Add("wangfang", "admin");
        WithStore(s =>
        {
            new UserStore(s).SaveLockout("wangfang", new LockoutState(5, TestStation.Start.AddMinutes(15)));
            return 0;
        });

        var r = _station.Run("users", "unlock", "wangfang");

        Assert.Equal(0, r.Exit);
        Assert.Equal(LockoutState.Clear, WithStore(s => new UserStore(s).Find("wangfang"))!.Lockout);
    }
}
