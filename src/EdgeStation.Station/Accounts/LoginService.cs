using System.Security.Cryptography;
using System.Threading.RateLimiting;
using EdgeStation.Domain.Accounts;
using EdgeStation.Storage.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// Checks a name and password/PIN under the <see cref="LockoutPolicy"/>. Unknown names, disabled accounts and
/// wrong secrets get the same answer and cost the same (a PBKDF2 run against a stand-in hash); unknown names
/// lock out too. While a name is locked, attempts are answered at once without a hash.
/// </summary>
/// <remarks>
/// Under a flood (issue 15: eight clients posting random names made a real login take 3–4 s):
/// <list type="bullet">
/// <item>by name: one attempt per name at a time (so the count-then-save of its lockout cannot race), at most
/// <see cref="NameQueue"/> waiting behind it; the lockout then limits how fast a name can be guessed at;</item>
/// <item>by station, in two gates, so that a real user's login never waits behind the flood's hashes: a name that is
/// an enabled account goes through <see cref="AccountSlots"/> (<see cref="Workers"/> runs at once, one per core, at
/// most twice as many waiting); any other name (no such account, or a disabled one) through
/// <see cref="UnknownNameSlots"/> (half the cores, at least one, and as many waiting). Anything more is refused at
/// once (429) rather than queued. The price is a timing side channel: while the unknown names' gate is full, an
/// unknown name is refused where an account's name is checked, so a flooding client can tell which names are enabled
/// accounts (docs/security.md, "Login under flood");</item>
/// <item>by address: <see cref="LoginRateLimits"/>, before the request gets here.</item>
/// </list>
/// The local console (<see cref="LoginClient.IsLocalConsole"/>) counts its failures apart and skips the PBKDF2 queue:
/// whatever comes from the network, an admin at the box can log in.
/// </remarks>
public sealed class LoginService : IDisposable
{
    public const int NameQueue = 4;

    /// <summary>A check that took this long (gate and hash) is logged at debug level with where its time went.</summary>
    public static readonly TimeSpan SlowCheck = TimeSpan.FromMilliseconds(500);

    // The stand-in hash for unknown names, made once per process in the background (not on the startup path,
    // and not during the first unknown-name login, which would then take twice as long as any other).
    private static readonly Lazy<Task<string>> StandIn = new(() => Task.Run(() => PasswordHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)))));
    private readonly PartitionedRateLimiter<string> _names;
    private readonly MemoryLockouts _unknown = new();
    private readonly MemoryLockouts _console = new();
    private readonly UserStore _users;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public LoginService(UserStore users, TimeProvider time, LockoutPolicy policy, ILogger? log = null, int? workers = null)
    {
        _users = users;
        _time = time;
        _log = log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        Policy = policy;
        Workers = workers ?? Environment.ProcessorCount;
        AccountSlots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Workers,
            QueueLimit = 2 * Workers,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var unknown = Math.Max(1, Workers / 2);
        UnknownNameSlots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = unknown,
            QueueLimit = unknown,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _names = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = 1,
            QueueLimit = NameQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
        _ = StandIn.Value;
    }

    public LockoutPolicy Policy { get; }

    /// <summary>PBKDF2 runs at once for enabled accounts (default: one per core).</summary>
    public int Workers { get; }

    /// <summary>The PBKDF2 slots of network logins to enabled accounts (<see cref="Workers"/> permits, twice as many may wait).</summary>
    public RateLimiter AccountSlots { get; }

    /// <summary>
    /// The PBKDF2 slots of network logins to any other name, no such account or a disabled one (half of
    /// <see cref="Workers"/>, at least one; as many may wait). Apart from <see cref="AccountSlots"/>: a flood of random
    /// names fills this gate and is refused here, never in front of a real user.
    /// </summary>
    public RateLimiter UnknownNameSlots { get; }

    /// <summary>The gate a network login's PBKDF2 run waits at: an enabled account's own, or the one of every other name.</summary>
    public RateLimiter SlotsFor(UserAccount? account) => account is { Disabled: false } ? AccountSlots : UnknownNameSlots;

    public async Task<LoginOutcome> LoginAsync(string name, string secret, LoginClient client, CancellationToken cancel)
    {
        var key = UserNames.LoginKey(name);
        using var turn = await _names.AcquireAsync(key, 1, cancel);
        if (!turn.IsAcquired)
        {
            return Busy(client);
        }
        var now = _time.GetUtcNow();
        var account = key.Length == 0 ? null : _users.Find(key);
        var state = client.IsLocalConsole ? _console.Get(key) : account?.Lockout ?? _unknown.Get(key);
        if (state.IsLocked(now))
        {
            return LoginOutcome.Locked(state.Remaining(now));
        }

        PasswordVerification verdict;
        var queued = _time.GetTimestamp();
        using (var slot = client.IsLocalConsole ? null : await SlotsFor(account).AcquireAsync(1, cancel))
        {
            if (slot is { IsAcquired: false })
            {
                return Busy(client);
            }
            var hashing = _time.GetTimestamp();
            verdict = PasswordHasher.Verify(secret, account?.PasswordHash ?? await StandIn.Value);
            var (wait, hash) = (_time.GetElapsedTime(queued, hashing), _time.GetElapsedTime(hashing));
            if (wait + hash >= SlowCheck)
            {
                AccountLog.SlowCheck(_log, client.Address, (int)wait.TotalMilliseconds, (int)hash.TotalMilliseconds);
            }
        }
        now = _time.GetUtcNow();

        if (account is { Disabled: false } && verdict != PasswordVerification.Failed)
        {
            Save(key, account, client, state, LockoutState.Clear, now);
            if (verdict == PasswordVerification.SuccessRehashNeeded)
            {
                _users.SaveRehash(key, PasswordHasher.Hash(secret));
            }
            AccountLog.LoggedIn(_log, account.Name, RoleNames.Name(account.Role), client.Address);
            return LoginOutcome.Success(account.Access);
        }
        var next = Policy.Failed(state, now);
        Save(key, account, client, state, next, now);
        AccountLog.Failed(_log, account?.Name ?? AccountLog.NoSuchAccount, client.Address, next.Failures, client.IsLocalConsole ? " (local console)" : "");
        if (next.IsLocked(now))
        {
            AccountLog.Locked(_log, account?.Name ?? AccountLog.NoSuchAccount, (int)next.Remaining(now).TotalSeconds, next.Failures);
        }
        return LoginOutcome.Failed(next.Remaining(now));
    }

    /// <summary>Where the name's count lives: the console's own table, the account, or the unknown names' table.</summary>
    private void Save(string key, UserAccount? account, LoginClient client, LockoutState before, LockoutState after, DateTimeOffset now)
    {
        if (client.IsLocalConsole)
        {
            _console.Set(key, after, now);
        }
        else if (account is null)
        {
            _unknown.Set(key, after, now);
        }
        else if (after != before)
        {
            _users.SaveLockout(key, after);
        }
    }

    private LoginOutcome Busy(LoginClient client)
    {
        AccountLog.Busy(_log, client.Address);
        return LoginOutcome.Throttled(TimeSpan.FromSeconds(1));
    }

    public void Dispose()
    {
        _names.Dispose();
        AccountSlots.Dispose();
        UnknownNameSlots.Dispose();
    }
}
