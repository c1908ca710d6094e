using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using LiteDB;

namespace EdgeStation.Storage.Accounts;

/// <summary>
/// The station's accounts, in the <c>users</c> collection of station.db beside the ledger. Every change an admin
/// makes (add, remove, role, password, disable, enable, unlock) is validated by <see cref="UserCommands"/> on the
/// ledger's writer thread and written (through the batch's <see cref="SideWrites"/>) in the same transaction as a ledger entry of type "user" naming who did it
/// (role and grids, never a hash), so the account and its history cannot disagree. Login bookkeeping (failure
/// counts, lockout, rehash) is not history and is written directly.
/// </summary>
public sealed class UserStore
{
    public const string CollectionName = "users";

    private readonly LedgerStore _store;

    public UserStore(LedgerStore store)
    {
        _store = store;
    }

    // Asked for each time: the store reopens LiteDB after a failed write (a full disk), and a kept collection would
    // still point at the closed instance.
    private ILiteCollection<BsonDocument> _users => _store.Collection(CollectionName);

    /// <summary>The account <paramref name="name"/> (any case, surrounding spaces ignored), or null.</summary>
    public UserAccount? Find(string name)
    {
        var key = UserNames.LoginKey(name);
        return key.Length == 0 ? null : _store.ReadStored(() => _users.FindById(key) is { } doc ? UserBson.FromBson(doc) : null);
    }

    /// <summary>Every account, by name.</summary>
    public IReadOnlyList<UserAccount> All() =>
        _store.ReadStored(() => _users.FindAll().Select(UserBson.FromBson).OrderBy(u => u.Name, StringComparer.Ordinal).ToList());

    public int Count() => _store.ReadStored(() => _users.Count());

    // Inside a builder: the accounts as this batch leaves them (an earlier builder of the batch may have changed one).
    private UserAccount? FindIn(ILedgerView view, string key) =>
        key.Length == 0 ? null
        : LedgerStore.SideWritesOf(view).TryFind(CollectionName, key, out var written) ? written is null ? null : UserBson.FromBson(written)
        : Find(key);

    private List<UserAccount> AllIn(ILedgerView view) =>
        _store.ReadStored(() => LedgerStore.SideWritesOf(view).Merge(CollectionName, _users.FindAll())
            .Select(UserBson.FromBson).OrderBy(u => u.Name, StringComparer.Ordinal).ToList());

    public async Task<UserAccount> AddAsync(string name, Role role, IEnumerable<string>? grids, string passwordHash, string actor, DateTimeOffset now)
    {
        var key = UserNames.Normalize(name);
        UserAccount? added = null;
        await _store.AppendAsync(view =>
        {
            if (view.Head.Seq == 0)
            {
                throw new InvalidOperationException("the station's own entry comes first (RecordService.EnsureStation) before any account");
            }
            var (account, entry) = UserCommands.Add(FindIn(view, key), key, role, grids, passwordHash, actor, now);
            LedgerStore.SideWritesOf(view).Upsert(CollectionName, UserBson.ToBson(account));
            added = account;
            return entry;
        }).ConfigureAwait(false);
        return added!;
    }

    public async Task RemoveAsync(string name, string actor, DateTimeOffset now)
    {
        var key = UserNames.LoginKey(name);
        await _store.AppendAsync(view =>
        {
            var entry = UserCommands.Remove(FindIn(view, key), key, AllIn(view), actor, now);
            LedgerStore.SideWritesOf(view).Delete(CollectionName, key);
            return entry;
        }).ConfigureAwait(false);
    }

    public Task<UserAccount> ChangeRoleAsync(string name, Role role, IEnumerable<string>? grids, string actor, DateTimeOffset now) =>
        ChangeAsync(name, (current, key, all) => UserCommands.ChangeRole(current, key, role, grids, all, actor, now));

    public Task<UserAccount> ChangePasswordAsync(string name, string passwordHash, string actor, DateTimeOffset now) =>
        ChangeAsync(name, (current, key, _) => UserCommands.ChangePassword(current, key, passwordHash, actor, now));

    public Task<UserAccount> SetDisabledAsync(string name, bool disabled, string actor, DateTimeOffset now) =>
        ChangeAsync(name, (current, key, all) => UserCommands.SetDisabled(current, key, disabled, all, actor, now));

    public Task<UserAccount> UnlockAsync(string name, string actor, DateTimeOffset now) =>
        ChangeAsync(name, (current, key, _) => UserCommands.Unlock(current, key, actor, now));

    /// <summary>Login bookkeeping: the failure count and lockout after an attempt. Not a ledger entry.</summary>
    public void SaveLockout(string name, LockoutState state) => _store.WriteOutsideLedger(() =>
    {
        if (_users.FindById(UserNames.LoginKey(name)) is not { } doc)
        {
            return;
        }
        doc["failedLogins"] = state.Failures;
        if (state.LockedUntil is { } until)
        {
            doc["lockedUntil"] = until.ToUnixTimeMilliseconds();
        }
        else
        {
            doc.Remove("lockedUntil");
        }
        _users.Update(doc);
    });

    /// <summary>Replaces a hash with a stronger one of the same secret after a successful login. Not a ledger entry.</summary>
    public void SaveRehash(string name, string passwordHash) => _store.WriteOutsideLedger(() =>
    {
        if (_users.FindById(UserNames.LoginKey(name)) is { } doc)
        {
            doc["hash"] = passwordHash;
            _users.Update(doc);
        }
    });

    private async Task<UserAccount> ChangeAsync(string name, Func<UserAccount?, string, IReadOnlyList<UserAccount>, (UserAccount Account, RecordEvent Entry)> change)
    {
        var key = UserNames.LoginKey(name);
        UserAccount? changed = null;
        await _store.AppendAsync(view =>
        {
            var (account, entry) = change(FindIn(view, key), key, AllIn(view));
            LedgerStore.SideWritesOf(view).Upsert(CollectionName, UserBson.ToBson(account));
            changed = account;
            return entry;
        }).ConfigureAwait(false);
        return changed!;
    }
}
