using System.Threading.RateLimiting;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// A token bucket on the station's <see cref="TimeProvider"/>: holds up to <c>capacity</c> attempts, one more comes
/// back every <c>period</c>. No queue: an attempt takes a token now or is refused with the wait until the next one
/// (lease metadata <see cref="MetadataName.RetryAfter"/>). The built-in limiters read the Stopwatch, which a test
/// cannot move; this one lets the login tests advance the fake clock instead of sleeping.
/// </summary>
/// <remarks>
/// Kept as one instant, when the bucket will be full again (whole ticks, no drifting fractions): the debt is the
/// time from now until then, and an attempt fits while the debt plus one period is at most capacity × period.
/// </remarks>
public sealed class ClockTokenBucket : RateLimiter
{
    private readonly TimeProvider _time;
    private readonly int _capacity;
    private readonly TimeSpan _period;
    private readonly long _origin;
    private readonly Lock _lock = new();
    private TimeSpan _fullAt;
    private long _granted;
    private long _refused;

    public ClockTokenBucket(TimeProvider time, int capacity, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _time = time;
        _capacity = capacity;
        _period = period;
        _origin = time.GetTimestamp();
    }

    /// <summary>Only a full bucket is idle: dropping it (the partitioned limiter does after a while) loses nothing.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                var now = Now();
                return now >= _fullAt ? now - _fullAt : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Available(Now()),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _capacity);
        lock (_lock)
        {
            var now = Now();
            var debt = _fullAt > now ? _fullAt - now : TimeSpan.Zero;
            var over = debt + (_period * permitCount) - (_period * _capacity);
            if (over > TimeSpan.Zero)
            {
                _refused++;
                return BucketLease.Refused(over);
            }
            _fullAt = now + debt + (_period * permitCount);
            _granted++;
            return BucketLease.Granted;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private long Available(TimeSpan now)
    {
        var debt = _fullAt > now ? _fullAt - now : TimeSpan.Zero;
        return _capacity - (long)Math.Ceiling(debt / _period);
    }
}
