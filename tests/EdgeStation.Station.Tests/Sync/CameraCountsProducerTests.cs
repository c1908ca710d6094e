using EdgeStation.Domain.Settings;
using EdgeStation.Station.Cameras;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Station.Sync;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.V1;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Sync;

/// <summary>
/// The cameras' hour reaches the outbox as a CAMERA_COUNTS envelope once the hour has ended: alerts by kind, line crossings
/// and zone occupancy per camera, by position only (ARCHITECTURE invariant 2). Real ledger and outbox files.
/// </summary>
public sealed class CameraCountsProducerTests : IDisposable
{
    private static readonly DateTimeOffset TenOClock = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly string dir = Directory.CreateTempSubdirectory("edgestation-camera-counts-").FullName;
    private readonly FakeTimeProvider clock = new(TenOClock.AddMinutes(20));
    private readonly LedgerStore store;
    private readonly OutboxStore outbox;
    private readonly RecordService records;

    public CameraCountsProducerTests()
    {
        store = LedgerStore.Open(dir);
        outbox = OutboxStore.Open(dir, time: clock);
        records = new RecordService(store, new StationConfig(new StationSettings(), "测试村", null), clock);
    }

    [Fact]
    public void The_ended_hour_goes_out_once_with_alerts_lines_and_zones_by_position()
    {
        var square = new CameraHourlyCounts(lines: 1, zones: 1);
        var river = new CameraHourlyCounts(lines: 0, zones: 0);
        for (var i = 0; i < 600; i++)
        {
            square.Frame(TenOClock.AddMinutes(20).AddMilliseconds(i * 100), i < 300 ? [7] : [7, 8], [i < 300 ? 0 : 1]);
        }

        square.Entered(TenOClock.AddMinutes(20).AddSeconds(30), 0);
        square.Crossed(TenOClock.AddMinutes(21), 0, forward: true);
        square.Crossed(TenOClock.AddMinutes(22), 0, forward: false);
        square.Crossed(TenOClock.AddMinutes(23), 0, forward: true);
        square.Alert(TenOClock.AddMinutes(21), "loiter");
        river.Alert(TenOClock.AddMinutes(40), "stream-lost");
        river.Alert(TenOClock.AddMinutes(41), "covered");
        var producers = new SyncProducers(records, outbox, clock, [square, river]);

        producers.ProduceDue(); // at 10:20: the hour 09–10, before the cameras counted anything
        clock.SetUtcNow(TenOClock.AddHours(1).AddSeconds(5));
        producers.ProduceDue();
        producers.ProduceDue(); // once per hour

        var sent = outbox.Pending().Where(e => e.Kind == OutboxKind.CameraCounts).Select(e => CameraCounts.Parser.ParseFrom(e.Payload)).ToList();
        Assert.Equal([TenOClock.AddHours(-1).ToUnixTimeMilliseconds(), TenOClock.ToUnixTimeMilliseconds()], sent.Select(c => c.PeriodStart));
        Assert.All(sent[0].Cameras, c => Assert.Equal((0u, 3600u), (c.AnalysedFrames, c.OfflineSeconds)));
        var counts = sent[1];
        Assert.Equal((TenOClock.ToUnixTimeMilliseconds(), TenOClock.AddHours(1).ToUnixTimeMilliseconds()), (counts.PeriodStart, counts.PeriodEnd));
        Assert.Equal([1u, 2u], counts.Cameras.Select(c => c.CameraIndex));
        var s = counts.Cameras[0];
        Assert.Equal((2u, 2u, 600u, 1u, 0u), (s.PersonDetections, s.PeakPersons, s.AnalysedFrames, s.ZoneAlerts, s.TamperAlerts));
        Assert.Equal(3600u - 60u, s.OfflineSeconds); // 599 frame gaps of 0.1 s watched
        Assert.Equal([new CameraAlertCount { Kind = CameraAlertKind.Loiter, Count = 1 }], s.Alerts);
        Assert.Equal([new CameraLineCrossings { LineIndex = 1, Forward = 2, Backward = 1 }], s.Lines);
        Assert.Equal([new CameraZoneOccupancy { ZoneIndex = 1, PeakPeople = 1, OccupiedSeconds = 30, PersonSeconds = 30, Entries = 1 }], s.Zones);
        var r = counts.Cameras[1];
        Assert.Equal((0u, 2u, 3600u), (r.ZoneAlerts, r.TamperAlerts, r.OfflineSeconds));
        Assert.Equal([CameraAlertKind.TamperCovered, CameraAlertKind.TamperStreamLost], r.Alerts.Select(a => a.Kind));
    }

    [Fact]
    public void A_station_without_cameras_sends_no_camera_counts()
    {
        clock.SetUtcNow(TenOClock.AddHours(1).AddSeconds(5));

        new SyncProducers(records, outbox, clock, []).ProduceDue();
        new SyncProducers(records, outbox, clock).ProduceDue();

        Assert.DoesNotContain(outbox.Pending(), e => e.Kind == OutboxKind.CameraCounts);
        Assert.Contains(outbox.Pending(), e => e.Kind == OutboxKind.HourlySummary);
    }

    [Fact]
    public void Every_alert_name_the_cameras_raise_has_its_own_kind_on_the_wire()
    {
        string[] names = ["zone-enter", "loiter", .. Enum.GetValues<Vision.Tamper.TamperKind>().Select(Vision.Tamper.TamperKindNames.Name)];

        var kinds = names.Select(CameraCountsMapper.Kind).ToList();

        Assert.DoesNotContain(CameraAlertKind.Unspecified, kinds);
        Assert.Equal(names.Length, kinds.Distinct().Count());
    }

    public void Dispose()
    {
        outbox.Dispose();
        store.Dispose();
        Directory.Delete(dir, recursive: true);
    }
}
