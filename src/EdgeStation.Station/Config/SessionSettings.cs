namespace EdgeStation.Station.Config;

/// <summary>
/// How long a login lasts (station.json "sessions"). Idle: no request for this long logs the session out (the
/// kiosk is shared; 10 minutes by default). Absolute: a session ends this long after login however busy (12 h).
/// Both are measured on the monotonic clock.
/// </summary>
public sealed record SessionSettings
{
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan AbsoluteTimeout { get; init; } = TimeSpan.FromHours(12);
}
