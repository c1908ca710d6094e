namespace EdgeStation.Station.Accounts;

/// <summary>
/// Holds the answer to a login refused by the per-address limit for <see cref="Pause"/> before it is sent. A client
/// that ignores Retry-After and sends again as soon as it has an answer (the flood of issue 15) then makes a few
/// attempts a second per connection instead of thousands, and the station spends its cores on real logins rather than
/// on answering 429s. Waiting costs a timer, no thread. At most <see cref="Capacity"/> answers are held at once;
/// beyond that they go out at once, so a client with many connections cannot make the station hold without bound.
/// </summary>
/// <remarks>
/// The pause runs on its own clock, real time in the service: it paces a client, it is no rule of the station's
/// time, and the tests' fake station clock must not hold every 429.
/// </remarks>
public sealed class LoginTarpit(TimeProvider clock, TimeSpan pause, int capacity)
{
    public static readonly TimeSpan DefaultPause = TimeSpan.FromMilliseconds(500);
    public const int DefaultCapacity = 1_000;

    private int _held;

    public TimeSpan Pause { get; } = pause;
    public int Capacity { get; } = capacity;

    /// <summary>Answers held right now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Waits out the pause, or returns at once when <see cref="Capacity"/> answers are already held.</summary>
    public async Task HoldAsync(CancellationToken cancel)
    {
        if (Interlocked.Increment(ref _held) > Capacity)
        {
            Interlocked.Decrement(ref _held);
            return;
        }
        try
        {
            await Task.Delay(Pause, clock, cancel);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }
}
