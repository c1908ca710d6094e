using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Accounts;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Tests.Support;

namespace EdgeStation.Storage.Tests.Accounts;

/// <summary>Accounts in the users collection of a real station.db, their changes in the ledger.</summary>
public sealed class UserStoreTests : IDisposable
{
    // Any well-formed hash will do: the store never looks inside it.
    private const string Hash = "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static readonly DateTimeOffset Now = Events.T0;
    private readonly TempDir _dir = new();
    private LedgerStore _store;
    private UserStore _users;

    public UserStoreTests()
    {
        _store = LedgerStore.Open(_dir.Path);
        _store.Append(_ => new RecordEvent { Type = RecordEvent.StationType, RecordId = "station", Action = RecordEvent.StationInit, Actor = "test", At = Now });
        _users = new UserStore(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private void Reopen()
    {
        _store.Dispose();
        _store = LedgerStore.Open(_dir.Path);
        _users = new UserStore(_store);
    }

    [Fact]
    public async Task An_added_account_survives_reopening()
    {
        await _users.AddAsync("ZhaoLei", Role.GridWorker, ["grid-2"], Hash, "cli:root", Now);

        Reopen();

        var account = _users.Find("zhaolei")!;
        Assert.Equal(Role.GridWorker, account.Role);
        Assert.Equal(["grid-2"], account.Grids);
        Assert.Equal(Hash, account.PasswordHash);
        Assert.Equal(Now, account.CreatedAt);
    }

    [Fact]
    public async Task Each_change_is_a_ledger_entry_naming_the_actor_and_never_the_hash()
    {
        await _users.AddAsync("root", Role.Admin, null, Hash, "cli:installer", Now);
        await _users.AddAsync("zhao", Role.Viewer, null, Hash, "cli:root", Now);
        await _users.ChangeRoleAsync("zhao", Role.Official, null, "cli:root", Now);
        await _users.ChangePasswordAsync("zhao", Hash.Replace('A', 'B'), "cli:root", Now);
        await _users.RemoveAsync("zhao", "cli:root", Now);

        var history = _store.History("user:zhao").ToList();

        Assert.Equal(["add", "role", "passwd", "remove"], history.Select(h => h.Event.Action));
        Assert.All(history, h => Assert.Equal("cli:root", h.Event.Actor));
        Assert.All(history, h => Assert.DoesNotContain("pbkdf2", h.Entry.Content, StringComparison.Ordinal));
        Assert.True(LedgerVerifier.Verify(_store.Entries()).Ok);
        Assert.Equal(0, _store.RecordCount());
        Assert.Null(_users.Find("zhao"));
    }

    [Fact]
    public async Task Removing_the_last_admin_is_refused_and_changes_nothing()
    {
        await _users.AddAsync("root", Role.Admin, null, Hash, "cli:installer", Now);
        var head = _store.Head;

        await Assert.ThrowsAsync<AccountInputException>(() => _users.RemoveAsync("root", "cli:root", Now));

        Assert.Equal(head, _store.Head);
        Assert.NotNull(_users.Find("root"));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_whatever_its_case()
    {
        await _users.AddAsync("zhao", Role.Viewer, null, Hash, "cli:root", Now);

        await Assert.ThrowsAsync<AccountInputException>(() => _users.AddAsync("ZHAO", Role.Official, null, Hash, "cli:root", Now));
        Assert.Equal(Role.Viewer, _users.Find("zhao")!.Role);
    }

    [Fact]
    public async Task Login_bookkeeping_is_saved_without_a_ledger_entry()
    {
        await _users.AddAsync("zhao", Role.Viewer, null, Hash, "cli:root", Now);
        var head = _store.Head;

        _users.SaveLockout("zhao", new LockoutState(5, Now.AddSeconds(30)));
        Reopen();

        Assert.Equal(new LockoutState(5, Now.AddSeconds(30)), _users.Find("zhao")!.Lockout);
        Assert.Equal(head, _store.Head);
    }

    [Fact]
    public void The_ledger_collections_are_not_handed_out()
    {
        Assert.Throws<ArgumentException>(() => _store.Collection("ledger"));
    }

    [Fact]
    public async Task Accounts_and_records_share_one_chain()
    {
        await _users.AddAsync("root", Role.Admin, null, Hash, "cli:installer", Now);
        _store.Append(Events.NewDispute(1));
        await _users.AddAsync("zhao", Role.Viewer, null, Hash, "cli:root", Now);

        Reopen();

        Assert.Equal(4, _store.Head.Seq);
        Assert.Equal(1, _store.RecordCount());
        Assert.True(LedgerVerifier.Verify(_store.Entries()).Ok);
    }
}
