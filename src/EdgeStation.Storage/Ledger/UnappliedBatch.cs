using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// Entries that are durable in the journal and acknowledged, but not yet in LiteDB: one batch the applier thread has not
/// committed yet, or (<see cref="Merge"/>) all of them at once, which is what readers see. Readers on any thread are served
/// from it first, so every acknowledged entry is visible at once (read-your-writes). Immutable once published: the
/// writer and the applier replace it, never change it.
/// </summary>
internal sealed class UnappliedBatch(
    IReadOnlyList<LedgerEntry> entries,
    IReadOnlyDictionary<string, RecordSnapshot> records,
    IReadOnlyDictionary<string, long> counters,
    IReadOnlyDictionary<string, (long Seq, string Request)> requests)
{
    /// <summary>The entries in seq order, without a gap.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; } = entries;

    /// <summary>Each record the batches changed, as the newest of them leaves it.</summary>
    public IReadOnlyDictionary<string, RecordSnapshot> Records { get; } = records;

    /// <summary>Id counters the batches advanced ("DS-2026" → 42).</summary>
    public IReadOnlyDictionary<string, long> Counters { get; } = counters;

    /// <summary>Idempotency keys the batches used (index id → seq and request digest).</summary>
    public IReadOnlyDictionary<string, (long Seq, string Request)> Requests { get; } = requests;

    public long FirstSeq => Entries[0].Seq;

    public LedgerEntry? At(long seq) => seq >= FirstSeq && seq - FirstSeq < Entries.Count ? Entries[(int)(seq - FirstSeq)] : null;

    /// <summary>What readers see of <paramref name="batches"/> (oldest first, consecutive): one view, the newest batch winning; null for none.</summary>
    public static UnappliedBatch? Merge(IReadOnlyList<UnappliedBatch> batches)
    {
        switch (batches.Count)
        {
            case 0:
                return null;
            case 1:
                return batches[0];
        }
        var entries = new List<LedgerEntry>(batches.Sum(b => b.Entries.Count));
        var records = new Dictionary<string, RecordSnapshot>(StringComparer.Ordinal);
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        var requests = new Dictionary<string, (long Seq, string Request)>(StringComparer.Ordinal);
        foreach (var batch in batches)
        {
            entries.AddRange(batch.Entries);
            foreach (var (id, record) in batch.Records)
            {
                records[id] = record;
            }
            foreach (var (key, n) in batch.Counters)
            {
                counters[key] = n;
            }
            foreach (var (id, request) in batch.Requests)
            {
                requests[id] = request;
            }
        }
        return new UnappliedBatch(entries, records, counters, requests);
    }
}
