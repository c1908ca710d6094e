using System.Text;
using System.Text.Json;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Summaries;
using EdgeStation.Sync.V1;

namespace EdgeStation.Station.Tests.Sync;

/// <summary>`sync status` and `sync now` without the service, against a loopback mTLS center.</summary>
public sealed class SyncCommandTests : IAsyncLifetime
{
    private readonly TestStation _station = new();
    private TestCenter _center = null!;

    public async Task InitializeAsync() => _center = await TestCenter.StartAsync(TestStation.Start);

    public async Task DisposeAsync()
    {
        await _center.DisposeAsync();
        _station.Dispose();
    }

    private void Provision(string stationId = "dongshan")
    {
        var path = Path.Combine(_station.DataDir, "..", $"bundle-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, _center.Enroll(stationId, TestStation.Start).ToJson());
        try
        {
            _station.Ok("provision", "--bundle", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Status_of_a_station_never_provisioned_says_so_and_creates_nothing()
    {
        var r = _station.Run("sync", "status");

        Assert.Equal(0, r.Exit);
        Assert.Contains("not provisioned", r.Out, StringComparison.Ordinal);
        Assert.Contains("outbox: 0 envelope(s)", r.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_station.DataDir, OutboxStore.FileName)));
    }

    [Fact]
    public void Sync_now_unprovisioned_is_exit_3()
    {
        var r = _station.Run("sync", "now");

        Assert.Equal(3, r.Exit);
        Assert.Contains("not provisioned", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_now_sends_digests_summaries_and_health_with_nothing_personal_and_status_shows_it()
    {
        _station.AddDispute();
        _station.AddDispute("red");
        Provision();
        var head = _station.Head();
        _station.Clock.Advance(TimeSpan.FromDays(1)); // the station's first day is over: a daily close is due

        var r = _station.Run("sync", "now");

        Assert.True(r.Exit == 0, r.Out + r.Err);
        var stored = _center.Received.Stored("dongshan");
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (ulong)i), stored.Select(e => e.Seq));
        var kinds = stored.Select(e => e.Kind).ToHashSet();
        Assert.Superset(new HashSet<EnvelopeKind> { EnvelopeKind.LedgerDigests, EnvelopeKind.HourlySummary, EnvelopeKind.DailyClose, EnvelopeKind.Health }, kinds);
        var digests = stored.Where(e => e.Kind == EnvelopeKind.LedgerDigests).SelectMany(e => LedgerDigests.Parser.ParseFrom(e.Payload).Entries).ToList();
        Assert.True(LedgerHead.TryParse(head, out var anchor));
        Assert.Equal(Enumerable.Range(1, (int)anchor.Seq).Select(i => (ulong)i), digests.Select(d => d.Seq));
        Assert.Equal(anchor.Hash, LedgerAnchors.Hex(digests[^1].Hash));
        var hourly = HourlySummary.Parser.ParseFrom(stored.First(e => e.Kind == EnvelopeKind.HourlySummary).Payload);
        Assert.Equal(2u, hourly.Figures.Disputes.Accepted);
        Assert.Equal(anchor.Seq, (long)hourly.LedgerHead.Seq);
        foreach (var e in stored)
        {
            // TestStation.AddDispute plants names, a phone number and a summary: none of it may leave the box.
            var bytes = e.Payload.ToByteArray();
            foreach (var personal in new[] { "张某", "13800138000", "宅基地", "tester" })
            {
                Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(personal)) >= 0, $"'{personal}' left the box in a {e.Kind} envelope");
            }
        }

        using var status = JsonDocument.Parse(_station.Ok("--json", "sync", "status"));
        Assert.Equal(0, status.RootElement.GetProperty("depth").GetInt32());
        Assert.Equal(stored.Count, status.RootElement.GetProperty("lastAckSeq").GetInt32());
        Assert.Equal(JsonValueKind.Null, status.RootElement.GetProperty("lastError").ValueKind);
        Assert.Equal("dongshan", status.RootElement.GetProperty("stationId").GetString());
    }

    [Fact]
    public void A_second_sync_now_in_the_same_hour_sends_only_new_ledger_digests()
    {
        _station.AddDispute();
        Provision();
        _station.Ok("sync", "now");
        var before = _center.Received.Arrivals.Count;
        _station.AddDispute();

        _station.Ok("sync", "now");

        var added = _center.Received.Stored("dongshan").Skip(before).ToList();
        Assert.Equal([EnvelopeKind.LedgerDigests], added.Select(e => e.Kind));
    }

    [Fact]
    public void A_failed_push_is_exit_1_and_status_keeps_the_error_in_words()
    {
        _station.AddDispute();
        Provision();
        _center.Received.RefuseSeq = 1;

        var r = _station.Run("sync", "now");

        Assert.Equal(1, r.Exit);
        var status = _station.Ok("sync", "status");
        Assert.Contains("last error: the center refused envelope 1", status, StringComparison.Ordinal);
        Assert.Contains("oldest pending: #1", status, StringComparison.Ordinal);
    }
}
