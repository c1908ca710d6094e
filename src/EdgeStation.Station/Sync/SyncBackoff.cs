namespace EdgeStation.Station.Sync;

/// <summary>
/// The wait before the next push: the regular interval after a good one; after failures, doubling from 5 s up to
/// 10 min, each wait drawn at random between half and all of it, so villages cut off together do not all call the
/// center again in the same second when the link comes back.
/// </summary>
public sealed class SyncBackoff(Random random)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    private int _failures;

    public TimeSpan Next(bool succeeded)
    {
        if (succeeded)
        {
            _failures = 0;
            return Interval;
        }
        _failures = Math.Min(_failures + 1, 16);
        var ceiling = Math.Min(First.TotalMilliseconds * Math.Pow(2, _failures - 1), Max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
