namespace EdgeStation.Station.Cameras;

/// <summary>
/// What one camera counted in one hour, for the township summary (ARCHITECTURE invariant 2: counts only). Alerts are by
/// the station's alert names (zone-enter, loiter, covered, defocused, moved, stream-lost); lines and zones are in the
/// order of the camera's configuration.
/// </summary>
public sealed record CameraHour(
    int PeopleSeen,
    int PeakPersons,
    long Frames,
    double WatchedSeconds,
    IReadOnlyDictionary<string, int> Alerts,
    IReadOnlyList<CameraHourLine> Lines,
    IReadOnlyList<CameraHourZone> Zones);
