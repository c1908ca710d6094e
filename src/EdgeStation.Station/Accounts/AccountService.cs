using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// The account use cases of `edgestation users`: checks the cheap things first (name, grids, password/PIN rules),
/// then hashes (PBKDF2, ~0.2 s) and hands the change to <see cref="UserStore"/>, which records it in the ledger.
/// Bad input throws <see cref="AccountInputException"/> before anything is written.
/// </summary>
public sealed class AccountService(RecordService records, UserStore users, TimeProvider time)
{
    public UserStore Users { get; } = users;

    public async Task<UserAccount> AddAsync(string name, Role role, IReadOnlyList<string> grids, string secret, string actor)
    {
        var key = UserNames.Normalize(name);
        GridNames.Check(role, grids);
        if (Users.Find(key) is not null)
        {
            throw new AccountInputException($"an account '{key}' exists already (change it with 'users passwd' or 'users set-role')");
        }
        SecretRules.Check(key, secret);
        var hash = PasswordHasher.Hash(secret);
        var now = Now();
        records.EnsureStation(actor, now); // the station's own entry is always entry 1
        return await Users.AddAsync(key, role, grids, hash, actor, now).ConfigureAwait(false);
    }

    public async Task ChangePasswordAsync(string name, string secret, string actor)
    {
        var account = Require(name);
        SecretRules.Check(account.Name, secret);
        await Users.ChangePasswordAsync(account.Name, PasswordHasher.Hash(secret), actor, Now()).ConfigureAwait(false);
    }

    public Task RemoveAsync(string name, string actor) => Users.RemoveAsync(Require(name).Name, actor, Now());

    public Task<UserAccount> ChangeRoleAsync(string name, Role role, IReadOnlyList<string> grids, string actor) =>
        Users.ChangeRoleAsync(Require(name).Name, role, grids, actor, Now());

    public Task<UserAccount> SetDisabledAsync(string name, bool disabled, string actor) =>
        Users.SetDisabledAsync(Require(name).Name, disabled, actor, Now());

    public Task<UserAccount> UnlockAsync(string name, string actor) => Users.UnlockAsync(Require(name).Name, actor, Now());

    private UserAccount Require(string name) =>
        Users.Find(name) ?? throw new AccountInputException($"no account '{UserNames.LoginKey(name)}' (see 'edgestation users list')");

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        ClockGuard.EnsurePlausible(now);
        return now;
    }
}
