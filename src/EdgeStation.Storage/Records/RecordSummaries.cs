using System.Collections;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Storage.Records;

/// <summary>
/// An immutable set of every record's <see cref="RecordSummary"/> as of one ledger head: what
/// <see cref="LedgerStore.Summaries"/> hands readers. The ledger's writer thread makes the next set after each
/// commit, copying only the chunks that changed, so a reader keeps a consistent view for as long as it holds one.
/// Enumerates in the order records were first seen (no particular id order).
/// </summary>
public sealed class RecordSummaries : IReadOnlyCollection<RecordSummary>
{
    internal const int ChunkBits = 10;
    internal const int ChunkSize = 1 << ChunkBits;

    private readonly RecordSummary[][] _chunks;
    private readonly int[] _countByType;
    private readonly string[]?[] _newestFirst = new string[RecordTypeNames.All.Count][];

    internal RecordSummaries(RecordSummary[][] chunks, int count, int[] countByType, LedgerHead head)
    {
        _chunks = chunks;
        Count = count;
        _countByType = countByType;
        Head = head;
    }

    public static RecordSummaries Empty { get; } = new([], 0, new int[RecordTypeNames.All.Count], LedgerHead.Empty);

    /// <summary>The ledger head this set reflects: every entry up to it, nothing after.</summary>
    public LedgerHead Head { get; }

    public int Count { get; }

    public int CountOf(RecordType type) => _countByType[(int)type];

    public IEnumerable<RecordSummary> OfType(RecordType type) => this.Where(s => s.Type == type);

    /// <summary>The ids of one type, newest first (ids count up per type and year; ordinal order), computed once per set.</summary>
    public IReadOnlyList<string> IdsNewestFirst(RecordType type)
    {
        if (Volatile.Read(ref _newestFirst[(int)type]) is { } done)
        {
            return done;
        }
        var ids = new string[_countByType[(int)type]];
        var i = 0;
        foreach (var s in this)
        {
            if (s.Type == type)
            {
                ids[i++] = s.Id;
            }
        }
        Array.Sort(ids, (a, b) => string.CompareOrdinal(b, a));
        Volatile.Write(ref _newestFirst[(int)type], ids);
        return ids;
    }

    public IEnumerator<RecordSummary> GetEnumerator()
    {
        var left = Count;
        foreach (var chunk in _chunks)
        {
            var n = Math.Min(left, chunk.Length);
            for (var i = 0; i < n; i++)
            {
                yield return chunk[i];
            }
            left -= n;
            if (left == 0)
            {
                yield break;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal RecordSummary[][] Chunks => _chunks;

    internal int[] CountByType => _countByType;
}

/// <summary>
/// The writer's side of <see cref="RecordSummaries"/>: where each record sits, and the current set. Only the
/// ledger's writer thread (or the loader, under the store's summary lock) calls <see cref="Apply"/>.
/// </summary>
internal sealed class RecordSummaryIndex
{
    private readonly Dictionary<string, int> _slots;

    private RecordSummaryIndex(Dictionary<string, int> slots, RecordSummaries current)
    {
        _slots = slots;
        Current = current;
    }

    public RecordSummaries Current { get; private set; }

    public static RecordSummaryIndex Build(IEnumerable<RecordSummary> summaries, LedgerHead head)
    {
        var index = new RecordSummaryIndex(new Dictionary<string, int>(StringComparer.Ordinal), RecordSummaries.Empty);
        index.Apply(summaries, head);
        return index;
    }

    /// <summary>Replaces (or adds) each record's summary and publishes the next set. Applying the same state twice changes nothing.</summary>
    public void Apply(IEnumerable<RecordSummary> changed, LedgerHead head)
    {
        var old = Current;
        var chunks = old.Chunks;
        var count = old.Count;
        var byType = old.CountByType;
        var copiedOuter = false;
        var copiedTypes = false;
        HashSet<int>? copiedChunks = null;
        foreach (var s in changed)
        {
            if (!_slots.TryGetValue(s.Id, out var slot))
            {
                slot = count++;
                _slots[s.Id] = slot;
                if (!copiedTypes)
                {
                    byType = (int[])byType.Clone();
                    copiedTypes = true;
                }
                byType[(int)s.Type]++;
            }
            var c = slot >> RecordSummaries.ChunkBits;
            copiedChunks ??= [];
            if (!copiedOuter)
            {
                chunks = c < chunks.Length ? (RecordSummary[][])chunks.Clone() : Grow(chunks, c + 1);
                copiedOuter = true;
            }
            else if (c >= chunks.Length)
            {
                chunks = Grow(chunks, c + 1);
            }
            if (copiedChunks.Add(c))
            {
                chunks[c] = chunks[c] is { } existing ? (RecordSummary[])existing.Clone() : new RecordSummary[RecordSummaries.ChunkSize];
            }
            chunks[c][slot & (RecordSummaries.ChunkSize - 1)] = s;
        }
        Current = new RecordSummaries(chunks, count, byType, head);
    }

    private static RecordSummary[][] Grow(RecordSummary[][] chunks, int length)
    {
        var grown = new RecordSummary[Math.Max(length, chunks.Length * 2)][];
        Array.Copy(chunks, grown, chunks.Length);
        return grown;
    }
}
