namespace EdgeStation.Station.Cameras;

/// <summary>
/// One zone's occupancy in one hour: the most people in it at once, seconds with anyone in it, people × seconds, and the
/// visits that began. How many and how long, never who.
/// </summary>
public sealed record CameraHourZone(int PeakPeople, double OccupiedSeconds, double PersonSeconds, int Entries);
