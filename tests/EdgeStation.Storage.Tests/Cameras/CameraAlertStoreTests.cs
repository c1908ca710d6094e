using EdgeStation.Storage.Cameras;

namespace EdgeStation.Storage.Tests.Cameras;

// The camera alert store on a real LiteDB file and real snapshot files in a temporary data dir.
public sealed class CameraAlertStoreTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly string dir = Directory.CreateTempSubdirectory("edgestation-alerts-").FullName;

    [Fact]
    public void An_alert_is_kept_with_its_snapshot_and_listed_newest_first()
    {
        using var store = new CameraAlertStore(dir, TimeSpan.FromDays(30), 1_000_000);

        var first = store.Add("村口", "loiter", "yard", Day1, [0xFF, 0xD8, 1, 2]);
        var second = store.Add("村口", "tamper", "stream-lost", Day1.AddMinutes(1), null);

        Assert.Equal([second.Id, first.Id], store.List(10).Select(a => a.Id));
        Assert.Equal([0xFF, 0xD8, 1, 2], store.Snapshot(first.Id));
        Assert.Null(store.Snapshot(second.Id));
        Assert.Equal(4, store.SnapshotBytes());
    }

    [Fact]
    public void Acknowledging_keeps_who_and_when_once()
    {
        using var store = new CameraAlertStore(dir, TimeSpan.FromDays(30), 1_000_000);
        var a = store.Add("村口", "zone-enter", "yard", Day1, null);

        Assert.True(store.Acknowledge(a.Id, "王主任", Day1.AddMinutes(5)));
        Assert.False(store.Acknowledge(a.Id, "李会计", Day1.AddMinutes(6)));
        Assert.Null(store.Acknowledge(999, "王主任", Day1));

        var kept = store.Find(a.Id)!;
        Assert.Equal(("王主任", Day1.AddMinutes(5)), (kept.AcknowledgedBy, kept.AcknowledgedAt));
        Assert.Equal(0, store.CountUnacknowledged());
        Assert.Empty(store.List(10, unacknowledgedOnly: true));
    }

    [Fact]
    public void Alerts_past_the_retention_days_go_with_their_snapshots()
    {
        using var store = new CameraAlertStore(dir, TimeSpan.FromDays(30), 1_000_000);
        var old = store.Add("村口", "loiter", "yard", Day1, [1, 2, 3]);
        var recent = store.Add("村口", "loiter", "yard", Day1.AddDays(20), [4, 5, 6]);

        Assert.Equal(1, store.Prune(Day1.AddDays(31)));

        Assert.Equal([recent.Id], store.List(10).Select(a => a.Id));
        Assert.Null(store.Snapshot(old.Id));
    }

    [Fact]
    public void Beyond_the_byte_budget_the_oldest_snapshots_go_first()
    {
        using var store = new CameraAlertStore(dir, TimeSpan.FromDays(30), maxBytes: 25_000);
        var ids = Enumerable.Range(0, 4).Select(i => store.Add("村口", "loiter", "yard", Day1.AddMinutes(i), new byte[10_000]).Id).ToList();

        Assert.Equal(2, store.Prune(Day1.AddHours(1)));

        Assert.Equal([ids[3], ids[2]], store.List(10).Select(a => a.Id));
        Assert.Equal(20_000, store.SnapshotBytes());
        Assert.Equal(2, Directory.GetFiles(store.Snapshots).Length);
    }

    [Fact]
    public void Alerts_survive_a_restart()
    {
        long id;
        using (var store = new CameraAlertStore(dir, TimeSpan.FromDays(30), 1_000_000))
        {
            id = store.Add("村口", "tamper", "covered", Day1, [9]).Id;
        }

        using var again = new CameraAlertStore(dir, TimeSpan.FromDays(30), 1_000_000);
        Assert.Equal("covered", again.Find(id)!.Detail);
    }

    [Fact]
    public void A_file_that_is_not_an_alert_store_is_an_environment_error_naming_it()
    {
        File.WriteAllText(Path.Combine(dir, CameraAlertStore.FileName), "this is not a database, just text long enough to be read as a header page of sorts");
        using var store = new CameraAlertStore(dir, TimeSpan.FromDays(30), 1_000_000);

        var e = Assert.Throws<StorageEnvironmentException>(() => store.List(10));

        Assert.Contains("is not a camera alert file", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
