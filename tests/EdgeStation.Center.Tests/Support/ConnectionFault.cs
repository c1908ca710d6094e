namespace EdgeStation.Center.Tests.Support;

/// <summary>
/// The fault one connection through the <see cref="FaultProxy"/> meets, and the test's handle on it: a held connection
/// (<see cref="FaultKind.Delay"/>, <see cref="FaultKind.Drop"/>) says when it starts holding (<see cref="Engaged"/>) and
/// waits for <see cref="Release"/>, so a test pauses a link at a known point without sleeping.
/// </summary>
public sealed class ConnectionFault
{
    private readonly TaskCompletionSource _engaged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConnectionFault(FaultKind kind, FlowDirection direction, long afterBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBytes);
        Kind = kind;
        Direction = direction;
        AfterBytes = afterBytes;
    }

    public FaultKind Kind { get; }
    public FlowDirection Direction { get; }

    /// <summary>Bytes of <see cref="Direction"/> forwarded whole before the fault strikes.</summary>
    public long AfterBytes { get; }

    /// <summary>Completes when the fault strikes (for every kind; a connection that never carries that many bytes never strikes).</summary>
    public Task Engaged => _engaged.Task;

    internal Task Released => _released.Task;

    public static ConnectionFault Pass() => new(FaultKind.Pass, FlowDirection.Upstream, 0);

    public static ConnectionFault Refuse() => new(FaultKind.Refuse, FlowDirection.Upstream, 0);

    public static ConnectionFault Reset(FlowDirection direction, long afterBytes) => new(FaultKind.Reset, direction, afterBytes);

    public static ConnectionFault Truncate(FlowDirection direction, long afterBytes) => new(FaultKind.Truncate, direction, afterBytes);

    public static ConnectionFault Delay(FlowDirection direction, long afterBytes) => new(FaultKind.Delay, direction, afterBytes);

    public static ConnectionFault Drop(FlowDirection direction, long afterBytes) => new(FaultKind.Drop, direction, afterBytes);

    /// <summary>Ends a hold: a delayed connection delivers what it held, a dropped one is reset.</summary>
    public void Release() => _released.TrySetResult();

    internal void Strike() => _engaged.TrySetResult();

    public override string ToString() => Kind is FaultKind.Pass or FaultKind.Refuse ? Kind.ToString() : $"{Kind}({Direction}, {AfterBytes})";
}
