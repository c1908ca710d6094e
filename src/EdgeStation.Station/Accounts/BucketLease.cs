using System.Threading.RateLimiting;

namespace EdgeStation.Station.Accounts;

/// <summary>A <see cref="ClockTokenBucket"/>'s answer: granted, or refused with how long until a token is back.</summary>
public sealed class BucketLease : RateLimitLease
{
    public static readonly BucketLease Granted = new(true, null);

    private readonly TimeSpan? _retryAfter;

    private BucketLease(bool acquired, TimeSpan? retryAfter)
    {
        IsAcquired = acquired;
        _retryAfter = retryAfter;
    }

    public static BucketLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = wait;
            return true;
        }
        metadata = null;
        return false;
    }
}
