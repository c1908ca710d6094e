using System.Security.Cryptography;
using EdgeStation.Domain.Accounts;
using EdgeStation.Storage.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// Checks a name and password/PIN under the <see cref="LockoutPolicy"/>. Unknown names, disabled accounts and
/// wrong secrets get the same answer and cost the same (a PBKDF2 run against a stand-in hash); unknown names
/// lock out too (<see cref="UnknownNameLockouts"/>). While a name is locked, attempts are answered at once
/// without a hash. One attempt at a time: the count-then-save of a name cannot race, and a flood of logins
/// cannot take more than one core.
/// </summary>
public sealed class LoginService(UserStore users, TimeProvider time, LockoutPolicy policy)
{
    private static readonly Lazy<string> StandIn = new(() => PasswordHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly UnknownNameLockouts _unknown = new();

    public LockoutPolicy Policy { get; } = policy;

    public async Task<LoginOutcome> LoginAsync(string name, string secret, CancellationToken cancel)
    {
        var key = UserNames.LoginKey(name);
        await _gate.WaitAsync(cancel);
        try
        {
            var now = time.GetUtcNow();
            var account = key.Length == 0 ? null : users.Find(key);
            var state = account?.Lockout ?? _unknown.Get(key);
            if (state.IsLocked(now))
            {
                return LoginOutcome.Locked(state.Remaining(now));
            }
            var verdict = PasswordHasher.Verify(secret, account?.PasswordHash ?? StandIn.Value);
            if (account is { Disabled: false } && verdict != PasswordVerification.Failed)
            {
                if (state != LockoutState.Clear)
                {
                    users.SaveLockout(key, LockoutState.Clear);
                }
                if (verdict == PasswordVerification.SuccessRehashNeeded)
                {
                    users.SaveRehash(key, PasswordHasher.Hash(secret));
                }
                return LoginOutcome.Success(account.Access);
            }
            var next = Policy.Failed(state, now);
            if (account is null)
            {
                _unknown.Set(key, next, now);
            }
            else
            {
                users.SaveLockout(key, next);
            }
            return LoginOutcome.Failed(next.Remaining(now));
        }
        finally
        {
            _gate.Release();
        }
    }
}
