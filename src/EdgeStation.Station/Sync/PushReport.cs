namespace EdgeStation.Station.Sync;

/// <summary>What one push did: envelopes sent, acknowledged (removed from the outbox), refused by the center, and the error in words.</summary>
public sealed record PushReport(int Sent, int Acknowledged, int Refused, string? Error, DateTimeOffset At, long? ClockOffsetMs = null)
{
    public bool Ok => Error is null;
}
