using System.Text.Json;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Grpc.Core;

namespace EdgeStation.Center.Tests.Ingest;

/// <summary>A real center on loopback, real mutual TLS, stations built from the bundles `enroll` wrote.</summary>
public sealed class MutualTlsIngestTests : IDisposable
{
    private readonly CenterRun _run = new();
    private readonly RunningCenter _center;

    public MutualTlsIngestTests()
    {
        _run.InitAndEnroll("dongshan", "xishan");
        _center = RunningCenter.Start(_run);
    }

    public void Dispose()
    {
        _center.Dispose();
        _run.Dispose();
    }

    [Fact]
    public async Task Summary_is_accepted_and_shows_in_stations_list()
    {
        using var station = Client("dongshan");

        var acks = await station.Push(Envelopes.Hourly("dongshan", 1, noCasesStreak: 289, safetyIndexCenti: 9655));

        Assert.Equal([(1ul, AckStatus.Accepted, AckReason.None)], acks.Select(a => (a.Seq, a.Status, a.Reason)));
        var row = Station("dongshan");
        Assert.Equal(289, row.GetProperty("streaks").GetProperty("noCases").GetInt32());
        Assert.Equal(96.55, row.GetProperty("safetyIndex").GetDouble());
        Assert.Equal(1, row.GetProperty("envelopes").GetInt32());
        Assert.False(row.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public async Task Envelope_sent_twice_is_acked_duplicate_and_stored_once()
    {
        using var station = Client("dongshan");
        await station.Push(Envelopes.Hourly("dongshan", 1));

        var again = await station.Push(Envelopes.Hourly("dongshan", 1), Envelopes.Hourly("dongshan", 2));

        Assert.Equal([AckStatus.Duplicate, AckStatus.Accepted], again.Select(a => a.Status));
        Assert.Equal(2, Station("dongshan").GetProperty("envelopes").GetInt32());
    }

    [Fact]
    public async Task Backlog_sent_without_waiting_is_acked_in_order_one_ack_each()
    {
        using var station = Client("dongshan");
        var backlog = Enumerable.Range(1, 720).Select(i => Envelopes.Hourly("dongshan", (ulong)i)).ToList();
        backlog.Insert(300, Envelopes.Hourly("xishan", 9999));
        backlog.Insert(500, Envelopes.Hourly("dongshan", 7));

        var acks = await station.PushPipelined(backlog);

        Assert.Equal(backlog.Select(e => e.Seq), acks.Select(a => a.Seq));
        Assert.Equal((AckStatus.Refused, AckReason.StationMismatch), (acks[300].Status, acks[300].Reason));
        Assert.Equal(AckStatus.Duplicate, acks[500].Status);
        Assert.Equal(720, acks.Count(a => a.Status == AckStatus.Accepted));
        Assert.Equal(720, Station("dongshan").GetProperty("envelopes").GetInt32());
    }

    [Fact]
    public async Task Envelope_naming_another_station_is_refused_and_nothing_is_stored()
    {
        using var station = Client("dongshan");

        var acks = await station.Push(Envelopes.Hourly("xishan", 1));

        Assert.Equal([(AckStatus.Refused, AckReason.StationMismatch)], acks.Select(a => (a.Status, a.Reason)));
        Assert.Equal(0, Station("xishan").GetProperty("envelopes").GetInt32());
        Assert.Equal(0, Station("dongshan").GetProperty("envelopes").GetInt32());
    }

    [Fact]
    public async Task Certificate_of_another_ca_is_refused_at_the_handshake()
    {
        using var foreignCa = CenterAuthority.Create("西山镇", _run.Time.GetUtcNow());
        var foreign = StationBundle.Issue(foreignCa, "dongshan", "东山村", new Uri("https://localhost:7443"), _run.Time.GetUtcNow());
        using var station = StationClient.WithCertificate(foreign.ClientCertificate(), Bundle("dongshan").CaCertificate(), _center.StationUrl);

        await Refused(() => station.Push(Envelopes.Hourly("dongshan", 1)));

        Assert.Equal(0, Station("dongshan").GetProperty("envelopes").GetInt32());
        Assert.Contains("edgestation_center_handshakes_refused_total 1", await Metrics(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_station_is_refused_at_its_next_connection()
    {
        using (var before = Client("dongshan"))
        {
            Assert.Equal(AckStatus.Accepted, (await before.Push(Envelopes.Hourly("dongshan", 1)))[0].Status);
        }

        var (exit, output, error) = _run.Cli("revoke", "--station", "dongshan");
        Assert.True(exit == 0, error);
        Assert.Contains("revoked dongshan", output, StringComparison.Ordinal);

        using var after = Client("dongshan");
        await Refused(() => after.Push(Envelopes.Hourly("dongshan", 2)));
        Assert.Equal(1, Station("dongshan").GetProperty("envelopes").GetInt32());
        using var other = Client("xishan");
        Assert.Equal(AckStatus.Accepted, (await other.Push(Envelopes.Hourly("xishan", 1)))[0].Status);
    }

    [Fact]
    public async Task Retired_certificate_is_refused_after_the_station_is_enrolled_again()
    {
        var old = Bundle("dongshan");
        var (exit, _, error) = _run.Cli("enroll", "--station", "dongshan", "--name", "东山村", "--output", Path.Combine(_run.Root, "new.json"));
        Assert.True(exit == 0, error);

        using var station = StationClient.From(old, _center.StationUrl);
        await Refused(() => station.Push(Envelopes.Hourly("dongshan", 1)));

        using var renewed = StationClient.From(StationBundle.Read(Path.Combine(_run.Root, "new.json"), "dongshan", _run.Time.GetUtcNow()), _center.StationUrl);
        Assert.Equal(AckStatus.Accepted, (await renewed.Push(Envelopes.Hourly("dongshan", 1)))[0].Status);
    }

    [Fact]
    public async Task Expired_certificate_is_refused_at_the_handshake()
    {
        using var station = Client("dongshan");
        _run.Time.Advance(TimeSpan.FromDays(11 * 366)); // station certificates are issued for 10 years

        await Refused(() => station.Push(Envelopes.Hourly("dongshan", 1)));

        Assert.Equal(0, Station("dongshan").GetProperty("envelopes").GetInt32());
    }

    [Fact]
    public async Task Unknown_kind_is_kept_and_reported()
    {
        using var station = Client("dongshan");
        var fromTheFuture = new Envelope
        {
            StationId = "dongshan",
            Seq = 1,
            Kind = (EnvelopeKind)42,
            CreatedAt = Envelopes.At.ToUnixTimeMilliseconds(),
            ContractVersion = SyncContract.Version + 1,
            Payload = ByteString.CopyFromUtf8("something a newer station counts"),
        };

        var acks = await station.Push(fromTheFuture);

        Assert.Equal([(AckStatus.KeptUnknownKind, AckReason.UnknownKind)], acks.Select(a => (a.Status, a.Reason)));
        var row = Station("dongshan");
        Assert.Equal(1, row.GetProperty("envelopes").GetInt32());
        Assert.Equal(1, row.GetProperty("keptUnknown").GetInt32());
        Assert.Equal(AckStatus.Duplicate, (await station.Push(fromTheFuture))[0].Status);
    }

    [Fact]
    public async Task Newer_contract_of_a_known_kind_is_kept_applied_and_reported()
    {
        using var station = Client("dongshan");
        var newer = Envelopes.Hourly("dongshan", 1, noCasesStreak: 7);
        newer.ContractVersion = SyncContract.Version + 1;

        var acks = await station.Push(newer);

        Assert.Equal([(AckStatus.KeptUnknownKind, AckReason.NewerContract)], acks.Select(a => (a.Status, a.Reason)));
        Assert.Equal(7, Station("dongshan").GetProperty("streaks").GetProperty("noCases").GetInt32());
    }

    [Fact]
    public async Task Payload_that_does_not_parse_is_kept_not_dropped()
    {
        using var station = Client("dongshan");
        var garbage = Envelopes.Hourly("dongshan", 1);
        garbage.Payload = ByteString.CopyFrom(0xff, 0xff, 0xff);

        var acks = await station.Push(garbage);

        Assert.Equal([(AckStatus.KeptUnknownKind, AckReason.Malformed)], acks.Select(a => (a.Status, a.Reason)));
        Assert.Equal(1, Station("dongshan").GetProperty("keptUnknown").GetInt32());
    }

    [Fact]
    public async Task Intact_chain_raises_no_alert()
    {
        using var station = Client("dongshan");
        var chain = Envelopes.Chain(5);

        await station.Push(Envelopes.Digests("dongshan", 1, [.. chain.Take(3)]), Envelopes.Digests("dongshan", 2, [.. chain.Skip(3)]));

        var row = Station("dongshan");
        Assert.Equal("intact", row.GetProperty("continuity").GetString());
        Assert.Equal(5, row.GetProperty("ledgerDigestHead").GetInt32());
        Assert.Equal(0, _run.Cli("alerts", "list").Exit);
    }

    [Fact]
    public async Task Fork_raises_an_alert_naming_station_and_seq_until_an_admin_resolves_it()
    {
        using var station = Client("dongshan");
        var chain = Envelopes.Chain(3);
        var forked = Envelopes.Chain(4, variant: " rewritten")[3];
        forked.Hash = ByteString.CopyFrom(EdgeStation.Sync.Contract.LedgerChain.Hash(4, new byte[32], forked.ContentDigest.Span));

        await station.Push(Envelopes.Digests("dongshan", 1, [.. chain]), Envelopes.Digests("dongshan", 2, forked));

        var (exit, output, _) = _run.Cli("alerts", "list");
        Assert.Equal(1, exit);
        Assert.Contains("dongshan seq 4 LedgerFork", output, StringComparison.Ordinal);
        Assert.Equal("alert", Station("dongshan").GetProperty("continuity").GetString());

        var id = JsonDocument.Parse(_run.Cli("alerts", "list", "--json").Out).RootElement[0].GetProperty("id").GetInt64();
        Assert.Equal(0, _run.Cli("alerts", "resolve", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--by", "王主任").Exit);
        Assert.Equal(0, _run.Cli("alerts", "list").Exit);
        Assert.Contains("by 王主任", _run.Cli("alerts", "list", "--all").Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_digest_for_a_seq_already_held_raises_an_alert_and_keeps_the_first()
    {
        using var station = Client("dongshan");
        var chain = Envelopes.Chain(3);
        var rewritten = Envelopes.Chain(3, variant: " rewritten");

        await station.Push(Envelopes.Digests("dongshan", 1, [.. chain]), Envelopes.Digests("dongshan", 2, [.. rewritten]));

        var alerts = JsonDocument.Parse(_run.Cli("alerts", "list", "--json").Out).RootElement.EnumerateArray().ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal("digestChanged", alert.GetProperty("kind").GetString());
        Assert.Equal(3, alert.GetProperty("seq").GetInt32());
        Assert.Equal("dongshan", alert.GetProperty("stationId").GetString());
    }

    [Fact]
    public async Task Gap_in_the_digests_raises_an_alert()
    {
        using var station = Client("dongshan");
        var chain = Envelopes.Chain(6);

        await station.Push(Envelopes.Digests("dongshan", 1, [.. chain.Take(2)]), Envelopes.Digests("dongshan", 2, [.. chain.Skip(4)]));

        var (exit, output, _) = _run.Cli("alerts", "list");
        Assert.Equal(1, exit);
        Assert.Contains("dongshan seq 5 LedgerGap: the digests of ledger entries 3-4 never arrived", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entry_arriving_late_is_checked_against_the_entry_after_it()
    {
        using var station = Client("dongshan");
        var chain = Envelopes.Chain(4);
        var otherHistory = Envelopes.Chain(3, variant: " other");

        // 1, 2 and 4 of one history; then a 3 that follows 2 but is not the 3 that 4 was chained to.
        await station.Push(
            Envelopes.Digests("dongshan", 1, chain[0], chain[1], chain[3]),
            Envelopes.Digests("dongshan", 2, otherHistory[2]));

        var alerts = JsonDocument.Parse(_run.Cli("alerts", "list", "--json").Out).RootElement.EnumerateArray()
            .Select(a => (a.GetProperty("seq").GetInt32(), a.GetProperty("kind").GetString())).ToList();
        Assert.Equal([(4, "ledgerGap"), (4, "ledgerFork")], alerts);
    }

    [Fact]
    public async Task Printed_anchor_is_checked_against_the_digests_received()
    {
        using var station = Client("dongshan");
        var chain = Envelopes.Chain(3);
        await station.Push(Envelopes.Digests("dongshan", 1, [.. chain]));
        var printed = $"3:{Convert.ToHexStringLower(chain[2].Hash.Span)}";
        var forged = $"3:{new string('a', 64)}";

        var matches = _run.Cli("anchor", "--station", "dongshan", printed);
        var differs = _run.Cli("anchor", "--station", "dongshan", forged);
        var early = _run.Cli("anchor", "--station", "dongshan", $"9:{new string('a', 64)}");

        Assert.Equal((0, true), (matches.Exit, matches.Out.Contains("anchor matches", StringComparison.Ordinal)));
        Assert.Equal((1, true), (differs.Exit, differs.Out.Contains("ANCHOR DIFFERS", StringComparison.Ordinal)));
        Assert.Equal((1, true), (early.Exit, early.Out.Contains("not yet received", StringComparison.Ordinal)));
        Assert.Equal(2, _run.Cli("anchor", "--station", "dongshan", "3-abc").Exit);
        Assert.Equal(2, _run.Cli("anchor", "--station", "nanshan", printed).Exit);
    }

    [Fact]
    public async Task Healthz_and_metrics_answer_on_the_loopback_admin_port()
    {
        using var station = Client("dongshan");
        await station.Push(Envelopes.Hourly("dongshan", 1));
        using var http = new HttpClient { BaseAddress = _center.AdminUrl };

        Assert.Equal("ok\n", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        var metrics = await Metrics();
        Assert.Contains("edgestation_center_envelopes_total{status=\"accepted\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("edgestation_center_stations 2", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_endpoint_refuses_a_request_without_the_token()
    {
        using var http = new HttpClient { BaseAddress = _center.AdminUrl };

        var response = await http.GetAsync(new Uri("/admin/stations", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void A_second_center_on_the_same_data_dir_exits_3()
    {
        var (exit, _, error) = _run.Cli("run", "--urls", "https://127.0.0.1:0", "--admin-port", "0");

        Assert.Equal(3, exit);
        Assert.Contains("in use by another process", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A refused client certificate: under TLS 1.3 the client learns of it after its side of the handshake, so it
    /// surfaces as an RPC failure or as the connection breaking under the first write, depending on timing.
    /// </summary>
    private static async Task Refused(Func<Task> push)
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(push);
        Assert.True(e is RpcException or IOException or HttpRequestException or InvalidOperationException, $"not a refused connection: {e}");
    }

    private StationBundle Bundle(string id) => StationBundle.Read(_run.BundlePath(id), id, _run.Time.GetUtcNow());

    private StationClient Client(string id) => StationClient.From(Bundle(id), _center.StationUrl);

    private JsonElement Station(string id)
    {
        var (exit, output, error) = _run.Cli("stations", "list", "--json");
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
    }

    private async Task<string> Metrics()
    {
        using var http = new HttpClient { BaseAddress = _center.AdminUrl };
        return await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    }
}
