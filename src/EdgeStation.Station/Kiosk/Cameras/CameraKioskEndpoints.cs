using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Cameras;
using EdgeStation.Station.Records;

namespace EdgeStation.Station.Kiosk;

/// <summary>The kiosk's camera page: for every signed-in user; snapshots and 确认 only for the people on duty (as the API decides).</summary>
public static class CameraKioskEndpoints
{
    public static void MapCameraPages(this IEndpointRouteBuilder app, UiText text)
    {
        app.MapGet("/cameras", IResult (HttpContext http, RecordService records, CameraService cameras) =>
        {
            var layout = KioskEndpoints.Layout(http, records, text, text["nav.cameras"], "nav.cameras");
            var alerts = cameras.Alerts.List(100);
            // Not yet acknowledged first, each group newest first.
            var ordered = alerts.Where(a => !a.IsAcknowledged).Concat(alerts.Where(a => a.IsAcknowledged)).Select(CameraEndpoints.View).ToList();
            var page = new CameraPage(
                layout,
                [.. cameras.Runners.Select(r => r.Status)],
                ordered,
                cameras.Alerts.CountUnacknowledged(),
                http.Access().Has(Permission.AcknowledgeAlarms),
                new Domain.Calendar.StationTime(records.Config.Settings.TimeZone));
            return KioskEndpoints.Render(Slices.CameraList.Create(page));
        }).WithMetadata(AccessRule.SignedIn);
    }
}
