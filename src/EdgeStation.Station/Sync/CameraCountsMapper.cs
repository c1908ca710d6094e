using EdgeStation.Station.Cameras;
using EdgeStation.Sync.V1;

namespace EdgeStation.Station.Sync;

/// <summary>
/// The cameras' hour on the wire (<see cref="CameraCounts"/>): every camera, line and zone by its position in station.json
/// from 1, alerts by kind as an enumeration; no name, address, picture or track id (ARCHITECTURE invariant 2).
/// </summary>
public static class CameraCountsMapper
{
    public static CameraCounts From(IReadOnlyList<CameraHourlyCounts> cameras, DateTimeOffset hourStart)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        var start = CameraHourlyCounts.HourOf(hourStart);
        var counts = new CameraCounts
        {
            PeriodStart = start.ToUnixTimeMilliseconds(),
            PeriodEnd = start.AddHours(1).ToUnixTimeMilliseconds(),
        };
        for (var i = 0; i < cameras.Count; i++)
        {
            counts.Cameras.Add(Camera((uint)(i + 1), cameras[i].Hour(start)));
        }

        return counts;
    }

    public static CameraAlertKind Kind(string alert) => alert switch
    {
        "zone-enter" => CameraAlertKind.ZoneEnter,
        "loiter" => CameraAlertKind.Loiter,
        "covered" => CameraAlertKind.TamperCovered,
        "defocused" => CameraAlertKind.TamperDefocused,
        "moved" => CameraAlertKind.TamperMoved,
        "stream-lost" => CameraAlertKind.TamperStreamLost,
        _ => CameraAlertKind.Unspecified,
    };

    private static CameraCount Camera(uint index, CameraHour hour)
    {
        var alerts = hour.Alerts.GroupBy(a => Kind(a.Key)).OrderBy(g => g.Key).Select(g => new CameraAlertCount { Kind = g.Key, Count = (uint)g.Sum(a => a.Value) }).ToList();
        var c = new CameraCount
        {
            CameraIndex = index,
            PersonDetections = (uint)hour.PeopleSeen,
            ZoneAlerts = Sum(alerts, CameraAlertKind.ZoneEnter, CameraAlertKind.Loiter),
            TamperAlerts = Sum(alerts, CameraAlertKind.TamperCovered, CameraAlertKind.TamperDefocused, CameraAlertKind.TamperMoved, CameraAlertKind.TamperStreamLost),
            OfflineSeconds = (uint)Math.Max(0, Math.Round(3600 - hour.WatchedSeconds)),
            PeakPersons = (uint)hour.PeakPersons,
            AnalysedFrames = (uint)hour.Frames,
        };
        c.Alerts.AddRange(alerts);
        for (var l = 0; l < hour.Lines.Count; l++)
        {
            c.Lines.Add(new CameraLineCrossings { LineIndex = (uint)(l + 1), Forward = (uint)hour.Lines[l].Forward, Backward = (uint)hour.Lines[l].Backward });
        }

        for (var z = 0; z < hour.Zones.Count; z++)
        {
            var zone = hour.Zones[z];
            c.Zones.Add(new CameraZoneOccupancy
            {
                ZoneIndex = (uint)(z + 1),
                PeakPeople = (uint)zone.PeakPeople,
                OccupiedSeconds = (uint)Math.Round(zone.OccupiedSeconds),
                PersonSeconds = (uint)Math.Round(zone.PersonSeconds),
                Entries = (uint)zone.Entries,
            });
        }

        return c;
    }

    private static uint Sum(List<CameraAlertCount> alerts, params CameraAlertKind[] kinds) =>
        (uint)alerts.Where(a => kinds.Contains(a.Kind)).Sum(a => (long)a.Count);
}
