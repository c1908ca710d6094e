namespace EdgeStation.Station.Cameras;

/// <summary>
/// What one camera is doing, for `camera status`, the kiosk and /metrics. <c>State</c>: starting | watching | stream-lost |
/// restarting | failed. <c>Busy</c> is the share of one core the analysis takes (ffmpeg's decoding not included).
/// Counts only: nothing in it tells who anyone is.
/// </summary>
public sealed record CameraStatus(
    string Name,
    string Source,
    string State,
    string? Detail,
    long Frames,
    double Fps,
    double Busy,
    DateTimeOffset? LastFrameAt,
    int Persons,
    string? Tamper,
    long DetectorRuns,
    long Alerts,
    long AlertsNotKept,
    IReadOnlyList<CameraLineCount> Lines,
    IReadOnlyList<CameraZoneCount> Zones);
