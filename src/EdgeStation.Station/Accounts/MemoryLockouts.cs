using EdgeStation.Domain.Accounts;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// Lockout states kept in memory only, by login key: the names that have no account (so that guessing at a name that
/// does not exist locks out exactly like guessing at one that does: the answers do not tell which names exist), and
/// the local console's own count (see <see cref="LoginClient"/>). Bounded: past <see cref="Capacity"/> names,
/// unlocked ones are forgotten first.
/// </summary>
public sealed class MemoryLockouts
{
    public const int Capacity = 10_000;
    private readonly Dictionary<string, LockoutState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public LockoutState Get(string key)
    {
        lock (_lock)
        {
            return _states.GetValueOrDefault(key, LockoutState.Clear);
        }
    }

    public void Set(string key, LockoutState state, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (state == LockoutState.Clear)
            {
                _states.Remove(key);
                return;
            }
            if (_states.Count >= Capacity && !_states.ContainsKey(key))
            {
                foreach (var k in _states.Where(s => !s.Value.IsLocked(now)).Select(s => s.Key).ToList())
                {
                    _states.Remove(k);
                }
                if (_states.Count >= Capacity)
                {
                    _states.Clear();
                }
            }
            _states[key] = state;
        }
    }
}
