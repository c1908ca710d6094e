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
public sealed class LoginService
{
    // The stand-in hash for unknown names, made once per process in the background (not on the startup path,
    // and not during the first unknown-name login, which would then take twice as long as any other).
    private static readonly Lazy<Task<string>> StandIn = new(() => Task.Run(() => PasswordHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)))));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly UnknownNameLockouts _unknown = new();
    private readonly UserStore _users;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public LoginService(UserStore users, TimeProvider time, LockoutPolicy policy, ILogger? log = null)
    {
        _users = users;
        _time = time;
        _log = log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Policy = policy;
        _ = StandIn.Value;
    }

    public LockoutPolicy Policy { get; }

    public async Task<LoginOutcome> LoginAsync(string name, string secret, CancellationToken cancel)
    {
        var key = UserNames.LoginKey(name);
        await _gate.WaitAsync(cancel);
        try
        {
            var now = _time.GetUtcNow();
            var account = key.Length == 0 ? null : _users.Find(key);
            var state = account?.Lockout ?? _unknown.Get(key);
            if (state.IsLocked(now))
            {
                return LoginOutcome.Locked(state.Remaining(now));
            }
            var verdict = PasswordHasher.Verify(secret, account?.PasswordHash ?? await StandIn.Value);
            if (account is { Disabled: false } && verdict != PasswordVerification.Failed)
            {
                if (state != LockoutState.Clear)
                {
                    _users.SaveLockout(key, LockoutState.Clear);
                }
                if (verdict == PasswordVerification.SuccessRehashNeeded)
                {
                    _users.SaveRehash(key, PasswordHasher.Hash(secret));
                }
                AccountLog.LoggedIn(_log, account.Name, RoleNames.Name(account.Role));
                return LoginOutcome.Success(account.Access);
            }
            var next = Policy.Failed(state, now);
            if (account is null)
            {
                _unknown.Set(key, next, now);
            }
            else
            {
                _users.SaveLockout(key, next);
            }
            if (next.IsLocked(now))
            {
                AccountLog.Locked(_log, key, (int)next.Remaining(now).TotalSeconds, next.Failures);
            }
            return LoginOutcome.Failed(next.Remaining(now));
        }
        finally
        {
            _gate.Release();
        }
    }
}
