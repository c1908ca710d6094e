namespace EdgeStation.Storage.Access;

/// <summary>
/// What the access event log has done since start, for /metrics and `door events`: written, waiting, dropped because
/// the queue was full (the bounded, counted loss), failed write attempts (disk full, file held) and the last failure.
/// </summary>
public readonly record struct AccessLogStats(long Written, int Waiting, long Dropped, long WriteFailures, long Purged, string? LastError);
