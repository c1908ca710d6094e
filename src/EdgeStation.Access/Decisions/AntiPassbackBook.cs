namespace EdgeStation.Access.Decisions;

/// <summary>
/// Last passage per person and anti-passback zone (反潜回), by monotonic time, in memory. A passage older than the
/// zone's reset time is forgotten, so someone who left by a door without a reader is not locked out forever.
/// </summary>
public sealed class AntiPassbackBook(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Zone, string Person), (ReaderDirection Direction, long At)> _last = [];

    /// <summary>Whether passing in <paramref name="direction"/> now would repeat the person's last direction in the zone.</summary>
    public bool WouldRepeat(string zone, string person, ReaderDirection direction, TimeSpan reset)
    {
        lock (_gate)
        {
            return _last.TryGetValue((zone, person), out var last)
                && last.Direction == direction
                && time.GetElapsedTime(last.At) < reset;
        }
    }

    public void Passed(string zone, string person, ReaderDirection direction)
    {
        lock (_gate)
        {
            _last[(zone, person)] = (direction, time.GetTimestamp());
        }
    }

    /// <summary>An admin forgives everyone in a zone (after a fire drill, say).</summary>
    public void Reset(string zone)
    {
        lock (_gate)
        {
            foreach (var key in _last.Keys.Where(k => k.Zone == zone).ToList())
            {
                _last.Remove(key);
            }
        }
    }
}
