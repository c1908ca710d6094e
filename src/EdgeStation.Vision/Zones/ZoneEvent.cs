namespace EdgeStation.Vision.Zones;

/// <summary>
/// Something a person did in a zone, at a source frame. <see cref="Armed"/>: the zone's schedule was open then.
/// An alert is an armed <see cref="ZoneEventKind.Loiter"/>, or an armed <see cref="ZoneEventKind.Enter"/> in a zone without dwell.
/// </summary>
public sealed record ZoneEvent(string Zone, ZoneEventKind Kind, int TrackId, bool Armed, TimeSpan Dwell, long Frame, TimeSpan Time)
{
    public bool IsAlert(CameraZone zone) => Armed && (Kind == ZoneEventKind.Loiter || zone.Dwell == TimeSpan.Zero);
}
