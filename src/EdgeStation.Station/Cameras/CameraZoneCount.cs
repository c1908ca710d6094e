namespace EdgeStation.Station.Cameras;

/// <summary>A zone now: people in it and whether it is armed.</summary>
public sealed record CameraZoneCount(string Name, int People, bool Armed);
