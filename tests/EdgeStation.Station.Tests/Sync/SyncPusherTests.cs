using System.Diagnostics;
using EdgeStation.Station.Sync;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace EdgeStation.Station.Tests.Sync;

/// <summary>The station's sync client against a center over real mutual TLS on loopback, with a real outbox file.</summary>
public sealed class SyncPusherTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("edgestation-sync-").FullName;
    private TestCenter _center = null!;

    public async Task InitializeAsync() => _center = await TestCenter.StartAsync(T0);

    public async Task DisposeAsync()
    {
        await _center.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static byte[] Hourly(int hour) => new HourlySummary
    {
        PeriodStart = T0.AddHours(hour).ToUnixTimeMilliseconds(),
        PeriodEnd = T0.AddHours(hour + 1).ToUnixTimeMilliseconds(),
        Figures = new Figures { AsOfDate = 20261201, Streaks = new StreakDays { NoCases = (uint)(200 + hour) } },
    }.ToByteArray();

    private OutboxStore Outbox() => OutboxStore.Open(_dataDir, time: _clock);

    [Fact]
    public async Task Thirty_days_of_hourly_summaries_arrive_once_each_in_order()
    {
        var bundle = _center.Enroll("dongshan", T0);
        using var outbox = Outbox();
        for (var h = 0; h < 720; h++)
        {
            outbox.Enqueue(OutboxKind.HourlySummary, Hourly(h));
        }

        var clock = Stopwatch.StartNew();
        var report = await new SyncPusher(outbox, _clock).PushOnceAsync(bundle, CancellationToken.None);
        clock.Stop();

        Assert.True(report.Ok, report.Error);
        Assert.Equal(720, report.Sent);
        Assert.Equal(720, report.Acknowledged);
        Assert.Equal(Enumerable.Range(1, 720).Select(i => (ulong)i), _center.Received.Arrivals);
        var stored = _center.Received.Stored("dongshan");
        Assert.Equal(Hourly(719), stored[^1].Payload.ToByteArray());
        Assert.All(stored, e => Assert.Equal(EnvelopeKind.HourlySummary, e.Kind));
        Assert.Equal(0, outbox.Status().Depth);
        Assert.Equal(720, outbox.Status().LastAckSeq);
        output.WriteLine($"720 hourly summaries pushed over loopback mTLS in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"720 envelopes took {clock.Elapsed}");
    }

    [Fact]
    public async Task Acks_out_of_order_and_twice_remove_each_envelope_once()
    {
        var bundle = _center.Enroll("dongshan", T0);
        _center.Received.ReverseBatch = 7;
        _center.Received.AckTwice = true;
        using var outbox = Outbox();
        for (var h = 0; h < 50; h++)
        {
            outbox.Enqueue(h % 5 == 0 ? OutboxKind.Health : OutboxKind.HourlySummary, Hourly(h));
        }

        var report = await new SyncPusher(outbox, _clock).PushOnceAsync(bundle, CancellationToken.None);

        Assert.True(report.Ok, report.Error);
        Assert.Equal(50, report.Acknowledged);
        Assert.Equal(0, outbox.Status().Depth);
        Assert.Equal(50, _center.Received.Stored("dongshan").Count);
    }

    [Fact]
    public async Task A_refused_envelope_stays_and_the_next_push_after_a_restart_resumes_from_it()
    {
        var bundle = _center.Enroll("dongshan", T0);
        _center.Received.RefuseSeq = 5;
        List<ulong> left;
        using (var outbox = Outbox())
        {
            for (var h = 0; h < 10; h++)
            {
                outbox.Enqueue(OutboxKind.HourlySummary, Hourly(h));
            }
            var first = await new SyncPusher(outbox, _clock).PushOnceAsync(bundle, CancellationToken.None);

            Assert.Equal(1, first.Refused);
            Assert.Contains("refused envelope 5", first.Error, StringComparison.Ordinal);
            // 5 and whatever the push had not sent yet when the refusal came back.
            left = [.. outbox.Pending().Select(e => (ulong)e.Seq)];
            Assert.Equal(5UL, left[0]);
        }
        _center.Received.RefuseSeq = null;
        var before = _center.Received.Arrivals.Count;
        using var restarted = Outbox();

        var second = await new SyncPusher(restarted, _clock).PushOnceAsync(bundle, CancellationToken.None);

        Assert.True(second.Ok, second.Error);
        Assert.Equal(left, _center.Received.Arrivals.Skip(before)); // only what was left, in order, nothing acknowledged sent again
        Assert.Equal(0, restarted.Status().Depth);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (ulong)i), _center.Received.Stored("dongshan").Select(e => e.Seq));
    }

    [Fact]
    public async Task A_center_whose_certificate_is_not_from_the_bundles_CA_is_refused_and_nothing_leaves()
    {
        using var otherCa = CenterAuthority.Create("另一个乡镇", T0);
        var foreign = StationBundle.Issue(otherCa, "dongshan", "东山村", _center.Endpoint, T0); // trusts otherCa only
        using var outbox = Outbox();
        outbox.Enqueue(OutboxKind.HourlySummary, Hourly(0));

        var report = await new SyncPusher(outbox, _clock).PushOnceAsync(foreign, CancellationToken.None);

        Assert.False(report.Ok);
        Assert.Contains("TLS handshake", report.Error, StringComparison.Ordinal);
        Assert.Empty(_center.Received.Arrivals);
        Assert.Equal(1, outbox.Status().Depth);
    }

    [Fact]
    public async Task A_center_that_is_down_is_an_error_in_words_and_the_outbox_keeps_everything()
    {
        var bundle = _center.Enroll("dongshan", T0);
        await _center.DisposeAsync();
        _center = await TestCenter.StartAsync(T0); // another center, so the first one's port is closed
        using var outbox = Outbox();
        outbox.Enqueue(OutboxKind.HourlySummary, Hourly(0));

        var report = await new SyncPusher(outbox, _clock).PushOnceAsync(bundle, CancellationToken.None);

        Assert.False(report.Ok);
        Assert.Contains("refused the connection", report.Error, StringComparison.Ordinal);
        Assert.Equal(1, outbox.Status().Depth);
    }

    [Fact]
    public async Task A_station_whose_certificate_the_center_refuses_is_told_so_in_words()
    {
        var bundle = _center.Enroll("dongshan", T0);
        _center.Received.Revoked.Add("dongshan");
        using var outbox = Outbox();
        outbox.Enqueue(OutboxKind.HourlySummary, Hourly(0));

        var report = await new SyncPusher(outbox, _clock).PushOnceAsync(bundle, CancellationToken.None);

        output.WriteLine(report.Error);
        Assert.False(report.Ok);
        Assert.Contains("refused this station's certificate", report.Error, StringComparison.Ordinal);
        Assert.Empty(_center.Received.Arrivals);
        Assert.Equal(1, outbox.Status().Depth);
    }

    [Fact]
    public async Task A_center_that_resets_the_connection_as_it_starts_is_named_in_words_not_as_a_broken_uplink()
    {
        // What a center refusing the certificate looks like when the station's first bytes race its close: a reset.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var resetter = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await socket.ReceiveAsync(new byte[512], System.Net.Sockets.SocketFlags.None); // the ClientHello
            socket.LingerState = new System.Net.Sockets.LingerOption(true, 0); // close with RST, not FIN
            socket.Close();
        });
        var bundle = StationBundle.Issue(_center.Authority, "dongshan", "东山村", new Uri($"https://127.0.0.1:{port}"), T0);
        using var outbox = Outbox();
        outbox.Enqueue(OutboxKind.HourlySummary, Hourly(0));

        var report = await new SyncPusher(outbox, _clock).PushOnceAsync(bundle, CancellationToken.None);
        await resetter;

        output.WriteLine(report.Error);
        Assert.False(report.Ok);
        Assert.Contains("refused this station's certificate", report.Error, StringComparison.Ordinal);
        Assert.Equal(1, outbox.Status().Depth);
    }

    [Fact]
    public void Outbox_kinds_are_the_wire_kinds()
    {
        Assert.Equal((int)EnvelopeKind.HourlySummary, (int)OutboxKind.HourlySummary);
        Assert.Equal((int)EnvelopeKind.DailyClose, (int)OutboxKind.DailyClose);
        Assert.Equal((int)EnvelopeKind.LedgerDigests, (int)OutboxKind.LedgerDigests);
        Assert.Equal((int)EnvelopeKind.Health, (int)OutboxKind.Health);
        Assert.Equal((int)EnvelopeKind.CameraCounts, (int)OutboxKind.CameraCounts);
    }
}
