using EdgeStation.Center.Hosting;
using EdgeStation.Center.Storage;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace EdgeStation.Center.Ingest;

/// <summary>
/// Stores one envelope and says how: idempotent by (station, seq); an envelope naming another station than its
/// certificate is refused; an unknown kind, a newer contract or an unreadable payload is kept as received and
/// reported, never dropped; summaries update the station's latest figures; digests go through
/// <see cref="LedgerContinuity"/>. Everything an envelope changes is stored in one transaction before its ack.
/// </summary>
public sealed class IngestService(ICenterStore store, TimeProvider time, CenterMetrics metrics, ILogger<IngestService> logger)
{
    public Ack Ingest(string certifiedStationId, Envelope envelope) => Ingest(certifiedStationId, [envelope])[0];

    /// <summary>
    /// Stores a batch of envelopes in one transaction (group commit: a LiteDB commit costs several fsyncs) and
    /// answers each, in order. Refusals are decided before; a store failure answers the whole batch
    /// CENTER_UNAVAILABLE and stores none of it.
    /// </summary>
    public IReadOnlyList<Ack> Ingest(string certifiedStationId, IReadOnlyList<Envelope> envelopes) =>
        IngestAll([new IngestBatch(certifiedStationId, envelopes)])[0];

    /// <summary>
    /// Stores the batches of several streams (of one or many stations) in one transaction and answers each batch's
    /// envelopes in order: what <see cref="IngestQueue"/> hands over, so a township of stations each sending a few
    /// envelopes shares one commit instead of paying one each. A store failure answers every batch
    /// CENTER_UNAVAILABLE and stores none of them.
    /// </summary>
    public IReadOnlyList<Ack>[] IngestAll(IReadOnlyList<IngestBatch> batches)
    {
        var acks = batches.Select(b => new Ack?[b.Envelopes.Count]).ToArray();
        // Per station, in id order (PostgreSQL locks each station's row: one order, no deadlock between writers),
        // the envelopes to store as (batch, index): two streams of one station are stored as one sequence.
        var toStore = new SortedDictionary<string, List<(int Batch, int Index)>>(StringComparer.Ordinal);
        for (var b = 0; b < batches.Count; b++)
        {
            var (certifiedStationId, envelopes) = (batches[b].StationId, batches[b].Envelopes);
            for (var i = 0; i < envelopes.Count; i++)
            {
                var envelope = envelopes[i];
                if (envelope.StationId != certifiedStationId)
                {
                    CenterLog.StationMismatch(logger, envelope.Seq, envelope.StationId, certifiedStationId);
                    acks[b][i] = Answer(certifiedStationId, envelope.Seq, AckStatus.Refused, AckReason.StationMismatch);
                }
                else if (envelope.Seq == 0)
                {
                    acks[b][i] = Answer(certifiedStationId, 0, AckStatus.Refused, AckReason.Malformed);
                }
                else
                {
                    (toStore.TryGetValue(certifiedStationId, out var list) ? list : toStore[certifiedStationId] = []).Add((b, i));
                }
            }
        }
        if (toStore.Count > 0)
        {
            try
            {
                var alerts = new List<AlertRow>();
                store.InTransaction(() =>
                {
                    var continuity = new LedgerContinuity(store);
                    foreach (var (stationId, items) in toStore)
                    {
                        var station = store.Station(stationId) ?? throw new InvalidOperationException($"station {stationId} passed the handshake but is not enrolled");
                        // What is already held, in one read; what this batch stores joins it, so a seq twice in one batch is a duplicate too.
                        var held = new Dictionary<ulong, StoredEnvelope>(store.Envelopes(stationId, [.. items.Select(x => batches[x.Batch].Envelopes[x.Index].Seq).Distinct()]));
                        foreach (var (b, i) in items)
                        {
                            acks[b][i] = Store(ref station, held, batches[b].Envelopes[i], continuity, alerts);
                        }
                        store.SaveStation(station);
                    }
                    return 0;
                });
                foreach (var a in alerts)
                {
                    CenterLog.AlertRaised(logger, a.Id, a.StationId, a.Seq, a.Kind.ToString(), a.Message);
                }
                metrics.AlertsRaised(alerts.Count);
            }
            catch (Exception e) when (e is LiteException or IOException or System.Data.Common.DbException or TimeoutException)
            {
                var (firstStation, firstItems) = toStore.First();
                CenterLog.StoreFailed(logger, e, firstStation, batches[firstItems[0].Batch].Envelopes[firstItems[0].Index].Seq);
                foreach (var (b, i) in toStore.Values.SelectMany(x => x))
                {
                    metrics.Unavailable();
                    acks[b][i] = Answer(batches[b].StationId, batches[b].Envelopes[i].Seq, AckStatus.Refused, AckReason.CenterUnavailable);
                }
            }
        }
        foreach (var ack in acks.SelectMany(a => a))
        {
            Count(ack!);
        }
        return [.. acks.Select(a => (IReadOnlyList<Ack>)a!)];
    }

    private Ack Store(ref StationRow station, Dictionary<ulong, StoredEnvelope> heldEnvelopes, Envelope e, LedgerContinuity continuity, List<AlertRow> alerts)
    {
        var now = time.GetUtcNow();
        var id = station.Id;
        if (heldEnvelopes.TryGetValue(e.Seq, out var held))
        {
            var same = held.Kind == e.Kind && held.CreatedAtMs == e.CreatedAt && held.Payload.AsSpan().SequenceEqual(e.Payload.Span);
            if (!same)
            {
                CenterLog.ConflictingDuplicate(logger, id, e.Seq);
                if (!store.HasOpenAlert(id, e.Seq, AlertKind.ConflictingEnvelope))
                {
                    alerts.Add(store.RaiseAlert(id, e.Seq, AlertKind.ConflictingEnvelope,
                        $"envelope {e.Seq} arrived again with different contents (kind {e.Kind}); the first one received is kept", now));
                }
            }
            station = station with { LastContact = now };
            return Answer(id, e.Seq, AckStatus.Duplicate, same ? AckReason.None : AckReason.ConflictingDuplicate);
        }

        var reason = !SyncContract.Knows(e.Kind) ? AckReason.UnknownKind
            : e.ContractVersion > SyncContract.Version ? AckReason.NewerContract
            : AckReason.None;
        var understood = reason != AckReason.UnknownKind;
        if (understood)
        {
            try
            {
                station = Apply(station, e, now, continuity, alerts);
            }
            catch (Exception ex) when (ex is InvalidProtocolBufferException or MalformedPayloadException)
            {
                understood = false;
                reason = AckReason.Malformed;
            }
        }
        if (reason != AckReason.None)
        {
            CenterLog.KeptUnknown(logger, id, e.Seq, e.Kind, e.ContractVersion, reason);
        }
        var stored = new StoredEnvelope(id, e.Seq, e.Kind, e.CreatedAt, e.ContractVersion, e.Payload.ToByteArray(), now, understood && reason == AckReason.None);
        store.InsertEnvelope(stored);
        heldEnvelopes[e.Seq] = stored;
        station = station with
        {
            LastContact = now,
            Envelopes = station.Envelopes + 1,
            KeptUnknown = station.KeptUnknown + (reason == AckReason.None ? 0 : 1),
        };
        return Answer(id, e.Seq, reason == AckReason.None ? AckStatus.Accepted : AckStatus.KeptUnknownKind, reason);
    }

    /// <summary>What a known kind changes. Parses everything before writing anything, so a bad payload changes nothing.</summary>
    private static StationRow Apply(StationRow station, Envelope e, DateTimeOffset now, LedgerContinuity continuity, List<AlertRow> alerts)
    {
        var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAt);
        switch (e.Kind)
        {
            case EnvelopeKind.HourlySummary:
                var hourly = HourlySummary.Parser.ParseFrom(e.Payload);
                CheckAnchors(continuity, station.Id, hourly.LedgerHead, hourly.MonthlyReportAnchor, now, alerts);
                return Newer(station, hourly.Figures, createdAt);
            case EnvelopeKind.DailyClose:
                var daily = DailyClose.Parser.ParseFrom(e.Payload);
                CheckAnchors(continuity, station.Id, daily.LedgerHead, daily.MonthlyReportAnchor, now, alerts);
                return Newer(station, daily.Figures, createdAt);
            case EnvelopeKind.LedgerDigests:
                var digests = LedgerDigests.Parser.ParseFrom(e.Payload);
                alerts.AddRange(continuity.Apply(station.Id, digests, now, ref station));
                return station;
            case EnvelopeKind.Health:
                var health = Health.Parser.ParseFrom(e.Payload);
                return station.HealthAt is { } at && at > createdAt ? station : station with { LatestHealth = health, HealthAt = createdAt };
            default:
                // Door, camera and configuration counts are kept as received until the dashboard reads them.
                SyncContract.PayloadParser(e.Kind)!.ParseFrom(e.Payload);
                return station;
        }
    }

    private static void CheckAnchors(LedgerContinuity continuity, string id, LedgerAnchor? head, MonthlyReportAnchor? monthly, DateTimeOffset now, List<AlertRow> alerts)
    {
        if (head is not null)
        {
            continuity.CheckAnchor(id, head.Seq, head.Hash, "the ledger head", now, alerts);
        }
        if (monthly is not null)
        {
            continuity.CheckAnchor(id, monthly.Seq, monthly.Hash, $"the anchor printed on the {monthly.Month / 100}-{monthly.Month % 100:D2} monthly report", now, alerts);
        }
    }

    /// <summary>Summaries may arrive out of order after a long outage: the latest made wins, not the latest received.</summary>
    private static StationRow Newer(StationRow station, Figures? figures, DateTimeOffset createdAt) =>
        figures is null || (station.FiguresAt is { } at && at > createdAt) ? station : station with { LatestFigures = figures, FiguresAt = createdAt };

    private void Count(Ack ack)
    {
        switch (ack.Status)
        {
            case AckStatus.Accepted: metrics.Accepted(); break;
            case AckStatus.Duplicate: metrics.Duplicate(); break;
            case AckStatus.KeptUnknownKind: metrics.Kept(); break;
            default: metrics.Refused(); break;
        }
    }

    private static Ack Answer(string id, ulong seq, AckStatus status, AckReason reason) => new() { StationId = id, Seq = seq, Status = status, Reason = reason };
}
