using System.Net;

namespace EdgeStation.Benchmarks;

/// <summary>What the flooding clients of <see cref="LoginFlood"/> were answered (shared by their tasks).</summary>
public sealed class FloodCounts
{
    private long _unauthorized;
    private long _tooMany;
    private long _other;

    public long Unauthorized => Interlocked.Read(ref _unauthorized);
    public long TooMany => Interlocked.Read(ref _tooMany);
    public long Other => Interlocked.Read(ref _other);
    public long Total => Unauthorized + TooMany + Other;

    public void Count(HttpStatusCode status)
    {
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                Interlocked.Increment(ref _unauthorized);
                break;
            case HttpStatusCode.TooManyRequests:
                Interlocked.Increment(ref _tooMany);
                break;
            default:
                Interlocked.Increment(ref _other);
                break;
        }
    }
}
