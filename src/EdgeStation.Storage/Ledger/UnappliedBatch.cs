using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// A batch whose entries are durable in the journal and acknowledged, but not yet in LiteDB (the writer applies it right
/// after acknowledging, or, when that apply was refused, the retry does). Readers on other threads are served from it
/// first, so every acknowledged entry is visible at once (read-your-writes). Immutable once published.
/// </summary>
internal sealed class UnappliedBatch(
    IReadOnlyList<LedgerEntry> entries,
    IReadOnlyDictionary<string, RecordSnapshot> records,
    IReadOnlyDictionary<string, long> counters)
{
    /// <summary>The batch's entries in seq order.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; } = entries;

    /// <summary>Each record the batch changed, as the batch leaves it.</summary>
    public IReadOnlyDictionary<string, RecordSnapshot> Records { get; } = records;

    /// <summary>Id counters the batch advanced ("DS-2026" → 42).</summary>
    public IReadOnlyDictionary<string, long> Counters { get; } = counters;

    public long FirstSeq => Entries[0].Seq;

    public LedgerEntry? At(long seq) => seq >= FirstSeq && seq - FirstSeq < Entries.Count ? Entries[(int)(seq - FirstSeq)] : null;
}
