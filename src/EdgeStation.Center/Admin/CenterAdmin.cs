using EdgeStation.Center.Storage;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.Summaries;

namespace EdgeStation.Center.Admin;

/// <summary>
/// What an administrator does to the center (enroll, revoke, list, resolve alerts), over the open store and CA.
/// The command line runs it directly when the center is stopped, and through the running center otherwise, so
/// a revocation reaches the very next handshake.
/// </summary>
public sealed class CenterAdmin(ICenterStore store, CenterAuthority authority, TimeProvider time) : ICenterAdmin
{
    /// <summary>A station with no contact for this long is stale (hourly summaries: several missed in a row).</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromHours(6);

    public EnrollResult Enroll(string id, string name, Uri endpoint)
    {
        if (StationIdFormat.Problem(id) is { } problem)
        {
            throw new Cli.UsageException(problem);
        }
        var now = time.GetUtcNow();
        var before = store.Station(id);
        var bundle = StationBundle.Issue(authority, id, name, endpoint, now);
        using var certificate = bundle.ClientCertificate();
        store.Enroll(id, name, certificate.SerialNumber, now);
        return new EnrollResult(bundle.ToJson(), before is not null);
    }

    public bool Revoke(string id)
    {
        var found = store.Revoke(id, time.GetUtcNow());
        return found;
    }

    public IReadOnlyList<StationView> Stations(TimeSpan? staleAfter = null)
    {
        var now = time.GetUtcNow();
        var alerts = store.AlertList().GroupBy(a => a.StationId).ToDictionary(g => g.Key, g => g.Count());
        return [.. store.AllStations().Select(s => View(s, alerts.GetValueOrDefault(s.Id), now, staleAfter ?? DefaultStaleAfter))];
    }

    public IReadOnlyList<AlertRow> Alerts(bool includeResolved) => store.AlertList(includeResolved);

    public AlertRow? Resolve(long alertId, string by) => store.ResolveAlert(alertId, by, time.GetUtcNow());

    /// <summary>Compares a printed anchor (平安建设月报's SEQ:HASH) with the digest held for that entry.</summary>
    public AnchorCheck CheckAnchor(string stationId, ulong seq, string hashHex)
    {
        if (store.Station(stationId) is null)
        {
            throw new Cli.UsageException($"no station '{stationId}' is enrolled here ('stations list' shows them)");
        }
        if (store.Digest(stationId, seq) is not { } held)
        {
            return new AnchorCheck(AnchorVerdict.NotReceived, null);
        }
        var heldHex = LedgerAnchors.Hex(held.Hash);
        return new AnchorCheck(string.Equals(heldHex, hashHex, StringComparison.OrdinalIgnoreCase) ? AnchorVerdict.Matches : AnchorVerdict.Differs, heldHex);
    }

    public static StationView View(StationRow s, int openAlerts, DateTimeOffset now, TimeSpan staleAfter)
    {
        var f = s.LatestFigures;
        return new StationView
        {
            Id = s.Id,
            Name = s.Name,
            EnrolledAt = s.EnrolledAt,
            Revoked = s.Revoked,
            LastContact = s.LastContact,
            Stale = s.LastContact is not { } last || now - last > staleAfter,
            Envelopes = s.Envelopes,
            KeptUnknown = s.KeptUnknown,
            FiguresAsOf = f is null ? null : FiguresMapper.FromYyyymmdd(f.AsOfDate).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Streaks = f?.Streaks is { } st ? new StreakView(st.NoCases, st.NoEscalatedPetitions, st.NoLawsuits, st.NoCults) : null,
            FourNothing = f?.FourNothing?.Achieved,
            SafetyIndex = f?.SafetyIndex is { } si ? si.IndexCenti / 100.0 : null,
            RedDisputes = f?.Disputes is { } d ? (int)d.Red : null,
            OverduePetitions = f?.Petitions is { } p ? (int)p.Overdue : null,
            Continuity = openAlerts > 0 ? "alert" : s.DigestHead == 0 ? "no digests yet" : "intact",
            OpenAlerts = openAlerts,
            LedgerDigestHead = s.DigestHead,
            Version = s.LatestHealth?.Version,
        };
    }
}
