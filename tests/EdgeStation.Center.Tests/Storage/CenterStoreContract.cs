using EdgeStation.Center.Hosting;
using EdgeStation.Center.Ingest;
using EdgeStation.Center.Storage;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Center.Tests.Storage;

/// <summary>
/// What every center store must do, run against each store (the embedded LiteDB file and PostgreSQL): the real ingest
/// over the real store, duplicates, conflicting duplicates, ledger gaps and forks, alerts, and a restart in the middle
/// of a station's backlog that still ends with everything stored exactly once.
/// </summary>
public abstract class CenterStoreContract : IDisposable
{
    protected const string Station = "dongshan";
    private ICenterStore? _store;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    /// <summary>Opens the store under test on the same data each time (a new folder or database per test); skips when it cannot exist here.</summary>
    protected abstract ICenterStore OpenStore();

    protected ICenterStore Store => _store ??= Enrolled(OpenStore());

    /// <summary>Closes the store and opens it again, as a center restarted by systemd after a crash would.</summary>
    protected void Restart()
    {
        _store?.Dispose();
        _store = OpenStore();
    }

    public virtual void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    private IngestService Ingest => new(Store, Time, new CenterMetrics(), NullLogger<IngestService>.Instance);

    private ICenterStore Enrolled(ICenterStore store)
    {
        store.Enroll(Station, "东山村", "serial-1", Time.GetUtcNow());
        return store;
    }

    [SkippableFact]
    public void Enrolled_station_reads_back_and_re_enrolling_retires_the_old_certificate()
    {
        Store.Enroll(Station, "东山村", "serial-2", Time.GetUtcNow());
        Store.Revoke(Station, Time.GetUtcNow());

        var row = Store.Station(Station)!;
        Assert.Equal(("东山村", "serial-2"), (row.Name, row.CertificateSerial));
        Assert.Equal(["serial-1"], row.RetiredSerials);
        Assert.True(row.Revoked);
        Assert.False(Store.Revoke("nobody", Time.GetUtcNow()));
        Assert.Equal([Station], Store.AllStations().Select(s => s.Id));
    }

    [SkippableFact]
    public void Envelope_is_stored_once_and_sent_again_is_a_duplicate()
    {
        var first = Ingest.Ingest(Station, [Envelopes.Hourly(Station, 1)]);
        var again = Ingest.Ingest(Station, [Envelopes.Hourly(Station, 1)]);

        Assert.Equal(AckStatus.Accepted, first[0].Status);
        Assert.Equal((AckStatus.Duplicate, AckReason.None), (again[0].Status, again[0].Reason));
        Assert.Equal(1, Store.EnvelopeCount(Station));
        Assert.Equal(1, Store.Station(Station)!.Envelopes);
        Assert.Empty(Store.AlertList());
    }

    [SkippableFact]
    public void Same_seq_twice_in_one_batch_is_stored_once()
    {
        var acks = Ingest.Ingest(Station, [Envelopes.Hourly(Station, 1), Envelopes.Hourly(Station, 2), Envelopes.Hourly(Station, 1)]);

        Assert.Equal([AckStatus.Accepted, AckStatus.Accepted, AckStatus.Duplicate], acks.Select(a => a.Status));
        Assert.Equal(2, Store.EnvelopeCount(Station));
    }

    [SkippableFact]
    public void Two_streams_of_one_station_sending_the_same_backlog_at_once_store_each_envelope_once()
    {
        // A station that reconnected while its old stream was still draining: both hand the center the same seqs at once.
        // PostgreSQL writes envelopes it checked absent under the station's row lock with COPY (no conflict check), so
        // the second stream must wait for that lock and then find them held.
        var backlog = Enumerable.Range(1, 200).Select(i => Envelopes.Hourly(Station, (ulong)i)).ToList();
        _ = Store;
        using var start = new Barrier(2);
        var streams = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return Ingest.Ingest(Station, backlog);
        })).ToArray();
        Task.WaitAll(streams);

        var statuses = streams.SelectMany(s => s.Result).GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(200, statuses.GetValueOrDefault(AckStatus.Accepted));
        Assert.Equal(200, statuses.GetValueOrDefault(AckStatus.Duplicate));
        Assert.Equal(200, Store.EnvelopeCount(Station));
        Assert.Equal(200, Store.Station(Station)!.Envelopes);
        Assert.Empty(Store.AlertList());
    }

    [SkippableFact]
    public void Conflicting_duplicate_keeps_the_first_and_raises_one_alert()
    {
        Ingest.Ingest(Station, [Envelopes.Hourly(Station, 7, noCasesStreak: 289)]);

        var changed = Ingest.Ingest(Station, [Envelopes.Hourly(Station, 7, noCasesStreak: 1)]);
        Ingest.Ingest(Station, [Envelopes.Hourly(Station, 7, noCasesStreak: 2)]);

        Assert.Equal((AckStatus.Duplicate, AckReason.ConflictingDuplicate), (changed[0].Status, changed[0].Reason));
        var kept = HourlySummary.Parser.ParseFrom(Store.Envelope(Station, 7)!.Payload);
        Assert.Equal(289u, kept.Figures.Streaks.NoCases);
        var alert = Assert.Single(Store.AlertList());
        Assert.Equal((Station, 7ul, AlertKind.ConflictingEnvelope), (alert.StationId, alert.Seq, alert.Kind));
    }

    [SkippableFact]
    public void Latest_figures_are_the_latest_made_not_the_latest_received()
    {
        Ingest.Ingest(Station, [Envelopes.Hourly(Station, 5, noCasesStreak: 300)]);
        Ingest.Ingest(Station, [Envelopes.Hourly(Station, 4, noCasesStreak: 299)]);

        Assert.Equal(300u, Store.Station(Station)!.LatestFigures!.Streaks.NoCases);
    }

    [SkippableFact]
    public void Unknown_kind_is_kept_and_counted()
    {
        var odd = new Envelope { StationId = Station, Seq = 1, Kind = (EnvelopeKind)99, CreatedAt = 1, ContractVersion = 1, Payload = ByteString.CopyFromUtf8("?") };

        var ack = Ingest.Ingest(Station, [odd])[0];

        Assert.Equal(AckStatus.KeptUnknownKind, ack.Status);
        var stored = Store.Envelope(Station, 1)!;
        Assert.Equal(((EnvelopeKind)99, false, "?"), (stored.Kind, stored.Understood, System.Text.Encoding.UTF8.GetString(stored.Payload)));
        Assert.Equal(1, Store.Station(Station)!.KeptUnknown);
    }

    [SkippableFact]
    public void Intact_chain_in_pieces_raises_nothing_and_moves_the_head()
    {
        var chain = Envelopes.Chain(9);

        Ingest.Ingest(Station, [Envelopes.Digests(Station, 1, chain[0..4].ToArray()), Envelopes.Digests(Station, 2, chain[4..9].ToArray())]);

        Assert.Empty(Store.AlertList());
        Assert.Equal(9ul, Store.Station(Station)!.DigestHead);
        Assert.Equal(chain[8].Hash, Store.Digest(Station, 9)!.Hash);
        Assert.Equal([3ul, 4ul, 5ul], Store.Digests(Station, 3, 5).Keys.Order());
    }

    [SkippableFact]
    public void Gap_raises_an_alert_naming_the_missing_entries()
    {
        var chain = Envelopes.Chain(6);

        Ingest.Ingest(Station, [Envelopes.Digests(Station, 1, chain[0], chain[1]), Envelopes.Digests(Station, 2, chain[5])]);

        var alert = Assert.Single(Store.AlertList());
        Assert.Equal((AlertKind.LedgerGap, 6ul), (alert.Kind, alert.Seq));
        Assert.Contains("3-5", alert.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Fork_raises_an_alert_that_stays_until_resolved()
    {
        var chain = Envelopes.Chain(3);
        var forked = Envelopes.Chain(4, variant: " rewritten");
        Ingest.Ingest(Station, [Envelopes.Digests(Station, 1, chain[0], chain[1], chain[2])]);
        var bad = forked[3].Clone();
        bad.Hash = ByteString.CopyFrom(new byte[32]);

        Ingest.Ingest(Station, [Envelopes.Digests(Station, 2, bad)]);
        var alert = Assert.Single(Store.AlertList());
        Time.Advance(TimeSpan.FromHours(1));
        Store.ResolveAlert(alert.Id, "王主任", Time.GetUtcNow());

        Assert.Equal((AlertKind.LedgerFork, 4ul), (alert.Kind, alert.Seq));
        Assert.Empty(Store.AlertList());
        var resolved = Assert.Single(Store.AlertList(includeResolved: true));
        Assert.Equal(("王主任", Time.GetUtcNow()), (resolved.ResolvedBy, resolved.ResolvedAt));
        Assert.Null(Store.ResolveAlert(alert.Id + 1000, "x", Time.GetUtcNow()));
    }

    [SkippableFact]
    public void Changed_digest_raises_an_alert_and_keeps_the_first()
    {
        var chain = Envelopes.Chain(3);
        var rewritten = Envelopes.Chain(3, variant: " rewritten");
        Ingest.Ingest(Station, [Envelopes.Digests(Station, 1, chain[0], chain[1], chain[2])]);

        Ingest.Ingest(Station, [Envelopes.Digests(Station, 2, rewritten[2])]);

        var alert = Assert.Single(Store.AlertList(stationId: Station));
        Assert.Equal((AlertKind.DigestChanged, 3ul), (alert.Kind, alert.Seq));
        Assert.Equal(chain[2].Hash, Store.Digest(Station, 3)!.Hash);
    }

    [SkippableFact]
    public void Failed_transaction_stores_nothing_of_what_it_wrote()
    {
        var envelope = new StoredEnvelope(Station, 1, EnvelopeKind.HourlySummary, 1, 1, [1, 2, 3], Time.GetUtcNow(), true);

        Assert.Throws<InvalidOperationException>(() => Store.InTransaction<int>(() =>
        {
            Store.InsertEnvelope(envelope);
            Store.InsertDigest(Station, Envelopes.Chain(1)[0]);
            Store.RaiseAlert(Station, 1, AlertKind.LedgerGap, "x", Time.GetUtcNow());
            Store.SaveStation(Store.Station(Station)! with { Envelopes = 1 });
            throw new InvalidOperationException("the center died here");
        }));

        Assert.Equal((0L, 0L, null, 0), (Store.EnvelopeCount(Station), Store.Station(Station)!.Envelopes, Store.Digest(Station, 1), Store.AlertList(true).Count));
        Assert.Equal(AckStatus.Accepted, Ingest.Ingest(Station, [Envelopes.Hourly(Station, 1)])[0].Status);
    }

    [SkippableFact]
    public void Restart_in_the_middle_of_a_backlog_ends_with_everything_exactly_once()
    {
        var chain = Envelopes.Chain(400);
        var backlog = Enumerable.Range(1, 400)
            .Select(i => i % 2 == 0 ? Envelopes.Hourly(Station, (ulong)i) : Envelopes.Digests(Station, (ulong)i, chain[i - 1], chain[i]))
            .ToList();
        backlog[^1] = Envelopes.Hourly(Station, 400);
        // The center stored 1-250 and stopped before the station heard the acks of 201-250 (it resends from 201).
        foreach (var batch in backlog.Take(250).Chunk(50))
        {
            Assert.All(Ingest.Ingest(Station, batch), a => Assert.Equal(AckStatus.Accepted, a.Status));
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Restart();
        var acks = backlog.Skip(200).Chunk(64).SelectMany(batch => Ingest.Ingest(Station, batch)).ToList();

        Assert.All(acks.Take(50), a => Assert.Equal(AckStatus.Duplicate, a.Status));
        Assert.All(acks.Skip(50), a => Assert.Equal(AckStatus.Accepted, a.Status));
        Assert.Equal(400, Store.EnvelopeCount(Station));
        var row = Store.Station(Station)!;
        Assert.Equal((400L, 400ul), (row.Envelopes, row.DigestHead));
        Assert.Empty(Store.AlertList(includeResolved: true));
        Assert.Equal(400, Store.Envelopes(Station, [.. Enumerable.Range(1, 400).Select(i => (ulong)i)]).Count);
    }

    [SkippableFact]
    public void Envelopes_made_in_a_window_come_back_of_that_kind_oldest_first()
    {
        var at = new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
        var batch = new List<Envelope>
        {
            SyncContract.Wrap(Station, 1, EnvelopeKind.DailyClose, at.AddDays(-40), new DailyClose { LocalDate = 20261021 }),
            SyncContract.Wrap(Station, 2, EnvelopeKind.DailyClose, at.AddDays(-1), new DailyClose { LocalDate = 20261130 }),
            SyncContract.Wrap(Station, 3, EnvelopeKind.HourlySummary, at.AddHours(-5), new HourlySummary()),
            SyncContract.Wrap(Station, 4, EnvelopeKind.DailyClose, at.AddDays(-20), new DailyClose { LocalDate = 20261111 }),
        };
        Ingest.Ingest(Station, batch);

        var made = Store.EnvelopesMade(Station, EnvelopeKind.DailyClose, at.AddDays(-30).ToUnixTimeMilliseconds(), at.ToUnixTimeMilliseconds());

        Assert.Equal([4UL, 2UL], made.Select(e => e.Seq));
        Assert.Empty(Store.EnvelopesMade("xishan", EnvelopeKind.DailyClose, 0, long.MaxValue));
    }
}
