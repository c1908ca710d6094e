using EdgeStation.Center.Storage;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.Summaries;
using EdgeStation.Sync.V1;

namespace EdgeStation.Center.Ingest;

/// <summary>
/// Checks a station's ledger from its digests alone (ARCHITECTURE invariant 1): each entry's hash must follow from
/// the previous entry's hash and its own content digest, no seq may be skipped, and a seq once received never
/// changes. Any break raises an alert naming station and seq; the first digest received for a seq is kept.
/// Runs inside the ingest transaction: one instance per transaction.
/// </summary>
public sealed class LedgerContinuity(ICenterStore store)
{
    // Digests this transaction read or stored, by (station, seq); null: read as not held. A backlog of hourly summaries
    // names the same ledger head again and again, and each check was a read of the store (a round trip on PostgreSQL).
    private readonly Dictionary<(string Station, ulong Seq), LedgerDigest?> _seen = [];

    /// <summary>Stores the digests and returns the alerts they raised; the station's digest head moves forward.</summary>
    public IReadOnlyList<AlertRow> Apply(string stationId, LedgerDigests digests, DateTimeOffset at, ref StationRow station)
    {
        var entries = digests.Entries.OrderBy(e => e.Seq).ToList();
        foreach (var e in entries)
        {
            if (e.Seq == 0 || e.ContentDigest.Length != LedgerChain.DigestLength || e.Hash.Length != LedgerChain.DigestLength)
            {
                throw new MalformedPayloadException($"ledger digest for seq {e.Seq}: seq must be from 1 and both digests {LedgerChain.DigestLength} bytes");
            }
        }
        var alerts = new List<AlertRow>();
        var head = station.DigestHead;
        if (entries.Count == 0)
        {
            station = station with { DigestHead = head };
            return alerts;
        }
        // Everything the checks below read, in one query: the entries, the one before the first and the one after the last.
        var known = new Dictionary<ulong, LedgerDigest>(store.Digests(stationId, entries[0].Seq - 1, entries[^1].Seq == ulong.MaxValue ? ulong.MaxValue : entries[^1].Seq + 1));
        foreach (var e in entries)
        {
            if (known.TryGetValue(e.Seq, out var held))
            {
                if (!held.ContentDigest.Equals(e.ContentDigest) || !held.Hash.Equals(e.Hash))
                {
                    Raise(stationId, e.Seq, AlertKind.DigestChanged,
                        $"ledger entry {e.Seq} arrived again with a different digest (held {Short(held.Hash)}, now {Short(e.Hash)}): the station's history was rewritten; the first is kept", at, alerts);
                }
                continue;
            }
            var previous = e.Seq == 1 ? LedgerChain.Genesis.ToArray() : known.GetValueOrDefault(e.Seq - 1)?.Hash.ToByteArray();
            if (previous is null)
            {
                var from = e.Seq - 1 > head ? head + 1 : e.Seq - 1;
                Raise(stationId, e.Seq, AlertKind.LedgerGap,
                    from == e.Seq - 1 ? $"the digest of ledger entry {from} never arrived before entry {e.Seq}" : $"the digests of ledger entries {from}-{e.Seq - 1} never arrived before entry {e.Seq}", at, alerts);
            }
            else if (!LedgerChain.Hash(e.Seq, previous, e.ContentDigest.Span).AsSpan().SequenceEqual(e.Hash.Span))
            {
                Raise(stationId, e.Seq, AlertKind.LedgerFork,
                    $"ledger entry {e.Seq} does not follow entry {e.Seq - 1}: the hash chain breaks here (a forked or rewritten history)", at, alerts);
            }
            store.InsertDigest(stationId, e);
            known[e.Seq] = e;
            _seen[(stationId, e.Seq)] = e;
            // An entry that arrived earlier, out of order, must follow this one too.
            if (known.GetValueOrDefault(e.Seq + 1) is { } next && !LedgerChain.Hash(next.Seq, e.Hash.Span, next.ContentDigest.Span).AsSpan().SequenceEqual(next.Hash.Span))
            {
                Raise(stationId, next.Seq, AlertKind.LedgerFork,
                    $"ledger entry {next.Seq} does not follow entry {e.Seq}: the hash chain breaks here (a forked or rewritten history)", at, alerts);
            }
            head = Math.Max(head, e.Seq);
        }
        station = station with { DigestHead = head };
        return alerts;
    }

    /// <summary>A ledger head or a monthly report anchor the station sent must match the digest held for that seq.</summary>
    public void CheckAnchor(string stationId, ulong seq, Google.Protobuf.ByteString hash, string what, DateTimeOffset at, List<AlertRow> alerts)
    {
        if (seq == 0)
        {
            return;
        }
        if (!_seen.TryGetValue((stationId, seq), out var held))
        {
            held = store.Digest(stationId, seq);
            _seen[(stationId, seq)] = held;
        }
        if (held is null || held.Hash.Equals(hash))
        {
            return; // nothing to compare with yet, or the same
        }
        Raise(stationId, seq, AlertKind.AnchorMismatch,
            $"{what} {LedgerAnchors.Text(seq, hash)} disagrees with the digest held for entry {seq} ({Short(held.Hash)})", at, alerts);
    }

    private void Raise(string stationId, ulong seq, AlertKind kind, string message, DateTimeOffset at, List<AlertRow> alerts)
    {
        if (!store.HasOpenAlert(stationId, seq, kind))
        {
            alerts.Add(store.RaiseAlert(stationId, seq, kind, message, at));
        }
    }

    private static string Short(Google.Protobuf.ByteString hash) => Convert.ToHexStringLower(hash.Span)[..16];
}
