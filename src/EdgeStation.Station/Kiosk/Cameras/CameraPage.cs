using EdgeStation.Station.Cameras;

namespace EdgeStation.Station.Kiosk;

/// <summary>
/// The kiosk's camera page (摄像头): each camera's state, rate, last frame, people now, tamper, zones and line counts, and
/// the alerts, those not yet acknowledged first. <see cref="SeesSnapshots"/>: the user may see snapshots and acknowledge.
/// </summary>
public sealed record CameraPage(LayoutModel Layout, IReadOnlyList<CameraStatus> Cameras, IReadOnlyList<CameraAlertView> Alerts, int Unacknowledged, bool SeesSnapshots, Domain.Calendar.StationTime Zone)
{
    public string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone.Zone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
