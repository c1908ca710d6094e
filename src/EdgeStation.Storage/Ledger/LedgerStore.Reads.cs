using System.Collections.Concurrent;
using System.Globalization;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Records;
using EdgeStation.Storage.Station;
using EdgeStation.Storage.Verification;
using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// What readers on any thread ask of the store. Each read takes the <see cref="UnappliedBatch"/> first, then LiteDB: an
/// entry acknowledged but not yet applied is served from memory (read-your-writes), one already applied from LiteDB.
/// </summary>
public sealed partial class LedgerStore
{
    /// <summary>The record as stored; null when the ledger never created it. One the ledger has but the collection cannot find is damage.</summary>
    public RecordSnapshot? Find(string recordId) =>
        _unapplied is { } unapplied && unapplied.Records.TryGetValue(recordId, out var acknowledged)
            ? acknowledged
            : ReadStored(() => _records.FindById(recordId) is { } doc
            ? SnapshotBson.FromBson(doc)
            : _ledger.Exists(Query.EQ("recordId", recordId))
                ? throw new InvalidDataException($"record {recordId} has ledger entries but cannot be found in the records collection")
                : null);

    /// <summary>
    /// Streams records (in id order; records an unapplied batch created come last), optionally of one type; nothing is held
    /// beyond the current one.
    /// </summary>
    public IEnumerable<RecordSnapshot> Records(RecordType? type = null)
    {
        var unapplied = _unapplied; // taken before LiteDB is read: whatever it lacks, this has
        if (_readOnly)
        {
            return StoredDataException.Stream(DataDir, () => ScanReadOnly(type)).Select(SnapshotBson.FromBson);
        }
        var typeName = type is { } t ? RecordTypeNames.Name(t) : null;
        var stored = Paged("records", BsonValue.MinValue)
            .Where(doc => typeName is null || (doc["type"].IsString && doc["type"].AsString == typeName))
            .Select(SnapshotBson.FromBson);
        return unapplied is null ? stored : WithUnapplied(stored, unapplied, type);
    }

    /// <summary>
    /// A read-only store (a command, alone with the file): the records through <see cref="ScanPaged"/>, a type filter applied
    /// as they come.
    /// </summary>
    private IEnumerable<BsonDocument> ScanReadOnly(RecordType? type)
    {
        var typeName = type is { } t ? RecordTypeNames.Name(t) : null;
        foreach (var doc in ScanPaged())
        {
            if (typeName is null || (doc["type"].IsString && doc["type"].AsString == typeName))
            {
                yield return doc;
            }
        }
    }

    /// <summary>
    /// Every record in id order, <see cref="ScanPage"/> at a time, with a fresh LiteDB instance (and its garbage collected)
    /// between pages: LiteDB 5's page cache keeps every page it read, unbounded (LiteDB issue
    /// #2813), so a whole scan would hold the whole file. Only where nothing else uses the instance: a read-only store, or
    /// the open before the writer starts.
    /// </summary>
    private IEnumerable<BsonDocument> ScanPaged() => Paged("records", BsonValue.MinValue, freshInstanceBetweenPages: true);

    /// <summary>
    /// A collection in id order, <see cref="ScanPage"/> documents per read: each page is one read, retried whole when the
    /// writer reopens LiteDB under it, and the next page resumes after the last id (a lazy LiteDB cursor held across the
    /// reopen would fail half-way). <paramref name="freshInstanceBetweenPages"/>: see <see cref="ScanPaged"/>.
    /// </summary>
    private IEnumerable<BsonDocument> Paged(string collection, BsonValue after, bool freshInstanceBetweenPages = false)
    {
        while (true)
        {
            var from = after;
            var page = ReadStored(() => _db.GetCollection(collection).Find(Query.GT("_id", from), limit: ScanPage).ToList());
            foreach (var doc in page)
            {
                yield return doc;
            }
            if (page.Count < ScanPage)
            {
                yield break;
            }
            after = page[^1]["_id"];
            if (freshInstanceBetweenPages)
            {
                // More pages follow: drop this page's cache (no Count() first: counting 100,000 records alone filled ~20 MB of it).
                page.Clear();
                Rebind();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        }
    }

    private static IEnumerable<RecordSnapshot> WithUnapplied(IEnumerable<RecordSnapshot> stored, UnappliedBatch unapplied, RecordType? type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in stored)
        {
            if (unapplied.Records.TryGetValue(record.Id, out var newer))
            {
                seen.Add(record.Id);
                yield return newer;
            }
            else
            {
                yield return record;
            }
        }
        foreach (var (id, record) in unapplied.Records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!seen.Contains(id) && (type is null || record.Type == type))
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// One page of records of a type, newest id first (ids count up per type and year, ordinal order). The ids come
    /// from <see cref="Summaries"/>; only the page's records are read from LiteDB.
    /// </summary>
    public IReadOnlyList<RecordSnapshot> RecordsPage(RecordType type, int skip, int limit) =>
        RecordsPage(Summaries().IdsNewestFirst(type), skip, limit);

    /// <summary>One page of the records <paramref name="ids"/> name, in their order (e.g. a filtered list's ids); only those are read.</summary>
    public IReadOnlyList<RecordSnapshot> RecordsPage(IReadOnlyList<string> ids, int skip, int limit)
    {
        var page = new List<RecordSnapshot>(Math.Max(0, Math.Min(limit, ids.Count - skip)));
        for (var i = Math.Max(0, skip); i < ids.Count && page.Count < limit; i++)
        {
            if (Find(ids[i]) is { } r)
            {
                page.Add(r);
            }
        }
        return page;
    }

    /// <summary>Records (voided included), of one type or all. From the summaries once they are in memory.</summary>
    public int RecordCount(RecordType? type = null) =>
        (_summaries ?? (_unapplied is null ? null : Summaries())) is { } s
            ? type is { } st ? s.CountOf(st) : s.Count
            : ReadStored(() => type is { } t ? _records.Count(Query.EQ("type", RecordTypeNames.Name(t))) : _records.Count());

    /// <summary>
    /// Every record's <see cref="RecordSummary"/> as of the latest commit: an immutable set a reader may keep.
    /// The first call loads them (from <see cref="RecordSummaryFile"/> when it matches the ledger, catching up
    /// on entries written since; otherwise by reading every record once); from then on the writer thread
    /// publishes the next set with each batch, before the appends in it are acknowledged.
    /// </summary>
    public RecordSummaries Summaries()
    {
        if (_summaries is { } ready)
        {
            return ready;
        }
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_summaryLock)
        {
            if (_summaryIndex is null)
            {
                _summaryIndex = LoadSummaries();
                _summaries = _summaryIndex.Current;
                // Loading leaves tens of megabytes of garbage (decoded records or file strings) in a heap that
                // would otherwise stay that large; a station idles for days, so give the memory back once.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            return _summaryIndex.Current;
        }
    }

    /// <summary>How the summaries were last loaded: "file", "file+N" (N entries caught up), "rebuilt"; null before.</summary>
    public string? SummariesSource { get; private set; }

    /// <summary>More entries behind than this, and the summaries are rebuilt rather than caught up.</summary>
    internal const int MaxSummaryCatchUp = 20_000;

    /// <param name="alone">The open, before the writer starts: a rebuild may page with fresh instances (<see cref="ScanPaged"/>).</param>
    private RecordSummaryIndex LoadSummaries(bool alone = false)
    {
        var head = Head;
        if (RecordSummaryFile.TryLoad(DataDir) is { } saved && CanCatchUp(saved.Head, head))
        {
            var index = RecordSummaryIndex.Build(saved.Summaries, saved.Head);
            var caughtUp = saved.Head;
            var changed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in EntriesAfter(saved.Head.Seq))
            {
                changed.Add(entry.RecordId);
                caughtUp = new LedgerHead(entry.Seq, entry.Hash);
            }
            // Read as they stand now: an entry committed meanwhile is applied again by the writer, which changes nothing.
            index.Apply(changed.Order(StringComparer.Ordinal).Select(Find).OfType<RecordSnapshot>().Select(RecordSummary.From), caughtUp);
            SummariesSource = changed.Count == 0 ? "file" : $"file+{(caughtUp.Seq - saved.Head.Seq).ToString(CultureInfo.InvariantCulture)}";
            return index;
        }
        var records = alone ? ScanPaged().Select(SnapshotBson.FromBson) : Records();
        var rebuilt = RecordSummaryIndex.Build(records.Select(RecordSummary.From), head);
        SummariesSource = "rebuilt";
        if (!_readOnly)
        {
            TrySaveSummaries(rebuilt.Current);
        }
        return rebuilt;
    }

    /// <summary>Summaries saved at <paramref name="saved"/> can be caught up to <paramref name="head"/>: an entry of this ledger, not too far behind.</summary>
    private bool CanCatchUp(LedgerHead saved, LedgerHead head) =>
        saved.Seq <= head.Seq
        && head.Seq - saved.Seq <= MaxSummaryCatchUp
        && (saved.Seq == 0
            ? saved == LedgerHead.Empty
            : ReadStored(() => _ledger.FindById(saved.Seq)) is { } at && at["hash"].IsString && at["hash"].AsString == saved.Hash);

    /// <summary>
    /// The open of a service: when the summaries would have to be rebuilt from every record (no usable
    /// <see cref="RecordSummaryFile"/>: the first start after an upgrade, a crash that lost it), rebuild them now, while
    /// nothing else uses the instance, so that the scan can page with fresh instances and LiteDB's cache does not keep the
    /// whole file for the life of the service. An ordinary start loads the file when first asked, as before.
    /// </summary>
    private void RebuildSummariesIfNoFile()
    {
        if (RecordSummaryFile.TryReadHead(DataDir) is { } saved && CanCatchUp(saved, Head))
        {
            return;
        }
        lock (_summaryLock)
        {
            _summaryIndex = LoadSummaries(alone: true);
            _summaries = _summaryIndex.Current;
        }
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private void TrySaveSummaries(RecordSummaries summaries)
    {
        try
        {
            RecordSummaryFile.Save(DataDir, summaries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Derived data: without the file the next start rebuilds the summaries from the ledger.
        }
    }

    /// <summary>The records collection as stored (with an unapplied batch's records), for the derived-state check (Verification/DerivedStateVerifier).</summary>
    internal IEnumerable<BsonDocument> StoredRecordDocuments()
    {
        var unapplied = _unapplied;
        var stored = Paged("records", BsonValue.MinValue);
        return unapplied is null ? stored : Overlaid(stored, unapplied.Records.ToDictionary(r => (BsonValue)r.Key, r => SnapshotBson.ToBson(r.Value)));
    }

    /// <summary>The id counters as stored (with an unapplied batch's), for the derived-state check.</summary>
    internal IEnumerable<BsonDocument> StoredCounterDocuments()
    {
        var unapplied = _unapplied;
        var stored = Paged("counters", BsonValue.MinValue);
        return unapplied is null ? stored : Overlaid(stored, unapplied.Counters.ToDictionary(c => (BsonValue)c.Key, c => new BsonDocument { ["_id"] = c.Key, ["n"] = c.Value }));
    }

    private static IEnumerable<BsonDocument> Overlaid(IEnumerable<BsonDocument> stored, Dictionary<BsonValue, BsonDocument> newer)
    {
        foreach (var doc in stored)
        {
            if (newer.Remove(doc["_id"], out var replaced))
            {
                yield return replaced;
            }
            else
            {
                yield return doc;
            }
        }
        foreach (var added in newer.Values)
        {
            yield return added;
        }
    }

    /// <summary>Another collection (users) as stored, for the derived-state check.</summary>
    internal IEnumerable<BsonDocument> StoredDocuments(string collection)
    {
        _ = Collection(collection); // refuses the ledger's own collections
        return Paged(collection, BsonValue.MinValue);
    }

    /// <summary>Whether <paramref name="head"/> names an entry of this ledger (its seq with its hash), or the empty head.</summary>
    internal bool IsEntryOf(LedgerHead head) =>
        head.Seq == 0
            ? head == LedgerHead.Empty
            : _unapplied?.At(head.Seq) is { } acknowledged
                ? acknowledged.Hash == head.Hash
                : ReadStored(() => _ledger.FindById(head.Seq) is { } at && at["hash"].IsString && at["hash"].AsString == head.Hash);

    /// <summary>Streams the chain in seq order as stored (then what an unapplied batch holds), for verify and export.</summary>
    public IEnumerable<LedgerEntry> Entries() => EntriesAfter(0);

    /// <summary>The entries after <paramref name="afterSeq"/>, in seq order (the sync outbox's ledger digests resume from a cursor).</summary>
    public IEnumerable<LedgerEntry> Entries(long afterSeq) => EntriesAfter(Math.Max(0, afterSeq));

    private IEnumerable<LedgerEntry> EntriesAfter(long seq)
    {
        var unapplied = _unapplied; // taken before LiteDB is read: whatever it lacks, this has
        var stored = Paged("ledger", seq).Select(doc => ReadStored(() => EntryFromBson(doc)));
        return unapplied is null ? stored : ThenUnapplied(stored, unapplied, seq);
    }

    private static IEnumerable<LedgerEntry> ThenUnapplied(IEnumerable<LedgerEntry> stored, UnappliedBatch unapplied, long after)
    {
        var last = after;
        foreach (var entry in stored)
        {
            last = entry.Seq;
            yield return entry;
        }
        foreach (var entry in unapplied.Entries)
        {
            if (entry.Seq > last)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// The ledger entries of one record, oldest first: its full history. Each entry is checked against its own hashes as it
    /// is read (not the whole chain: that is verify's walk), so a changed note or field is refused here instead of shown.
    /// </summary>
    public IEnumerable<(LedgerEntry Entry, RecordEvent Event)> History(string recordId)
    {
        // The entries and the record are two reads: a batch the writer commits between them makes them disagree for a
        // moment, which a second read settles; damage does not go away.
        for (var attempt = 1; ; attempt++)
        {
            var unapplied = _unapplied;
            var history = ReadStored(() => WithUnapplied(EntriesOf(recordId), unapplied, recordId));
            if (attempt == 3)
            {
                return ReadStored(() => WholeHistory(recordId, history, unapplied));
            }
            if (ReadStored(() => FoldsIntoStored(recordId, history, unapplied)))
            {
                return history;
            }
        }
    }

    private List<(LedgerEntry Entry, RecordEvent Event)> WithUnapplied(List<(LedgerEntry Entry, RecordEvent Event)> stored, UnappliedBatch? unapplied, string recordId)
    {
        if (unapplied is not null)
        {
            var last = stored.Count > 0 ? stored[^1].Entry.Seq : 0;
            stored.AddRange(unapplied.Entries.Where(e => e.RecordId == recordId && e.Seq > last).Select(e => (e, RecordEventCodec.Decode(e.Content))));
        }
        return stored;
    }

    // Writer thread too (an idempotent replay, which adds the running batch's entries itself), so only the public History
    // compares the fold with the stored record.
    private List<(LedgerEntry Entry, RecordEvent Event)> EntriesOf(string recordId) =>
        [.. _ledger.Find(Query.EQ("recordId", recordId))
            .Select(EntryFromBson)
            .OrderBy(e => e.Seq)
            .Select(e => (CheckedAgainstItsHashes(e), RecordEventCodec.Decode(e.Content)))
            .Select(h => h.Item2.RecordId == recordId ? h : throw FiledUnderAnotherRecord(h.Item1, h.Item2))];

    // The record id the index files an entry under is stored beside its content, outside the hashes: it must agree with
    // the content's, or a changed id would move one record's history under another.
    private StorageEnvironmentException FiledUnderAnotherRecord(LedgerEntry entry, RecordEvent e) => new(
        $"ledger entry {entry.Seq} is filed under record {entry.RecordId} but its content belongs to {e.RecordId}: the ledger in " +
        $"{Path.Combine(DataDir, FileName)} was changed or damaged, so this history is not shown. Run 'edgestation records verify' and report this to the township.");

    /// <summary>
    /// The entries come through the <c>recordId</c> index, which a damaged page can make skip one: a record's history
    /// must fold into exactly the record as stored (proven by the state digest on open), or it is not shown as whole.
    /// </summary>
    private List<(LedgerEntry Entry, RecordEvent Event)> WholeHistory(string recordId, List<(LedgerEntry Entry, RecordEvent Event)> history, UnappliedBatch? unapplied) =>
        FoldsIntoStored(recordId, history, unapplied)
            ? history
            : throw new InvalidDataException($"the ledger entries found for record {recordId} do not fold into the record as stored (an index page of the ledger is damaged)");

    private bool FoldsIntoStored(string recordId, List<(LedgerEntry Entry, RecordEvent Event)> history, UnappliedBatch? unapplied)
    {
        var stored = unapplied is not null && unapplied.Records.TryGetValue(recordId, out var acknowledged)
            ? SnapshotBson.ToBson(acknowledged)
            : _records.FindById(recordId);
        if (stored is null)
        {
            return true;
        }
        if (history.Count == 0)
        {
            return false; // a stored record has at least the entry that created it: the index found none
        }
        if (!RecordEvent.IsRecordEntry(history[0].Event.Type))
        {
            return true;
        }
        RecordSnapshot? folded = null;
        foreach (var (entry, e) in history)
        {
            folded = RecordProjector.Apply(folded, e, entry.Seq);
        }
        return folded is not null && StateDigest.SameRecord(SnapshotBson.ToBson(folded), stored);
    }

    private LedgerEntry CheckedAgainstItsHashes(LedgerEntry e) =>
        LedgerHasher.ContentDigest(e.Content) == e.ContentDigest && LedgerHasher.ChainHash(e.Seq, e.PrevHash, e.ContentDigest) == e.Hash
            ? e
            : throw new StorageEnvironmentException(
                $"ledger entry {e.Seq} (record {e.RecordId}) does not match its own hash: the ledger in {Path.Combine(DataDir, FileName)} was changed " +
                "or damaged, so its history is not shown. Run 'edgestation records verify' and report this to the township.");

    /// <summary>The station's first entry, or null before anything was recorded. Read once: entry 1 never changes.</summary>
    public StationInfo? Station() => _station ??= ReadStored(ReadStation);

    private StationInfo? _station;

    private StationInfo? ReadStation()
    {
        var content = _unapplied?.At(1) is { } acknowledged ? acknowledged.Content : _ledger.FindById(1L) is { } doc ? doc["content"].AsString : null;
        if (content is null)
        {
            return null;
        }
        var e = RecordEventCodec.Decode(content);
        if (e.Type != RecordEvent.StationType)
        {
            return null;
        }
        return new StationInfo(
            e.Fields.TryGetValue(Domain.Records.FieldKeys.Village, out var v) ? v.Text! : "",
            DateOnly.ParseExact(e.Fields[Domain.Records.FieldKeys.StartDate].Text!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Fields.TryGetValue("timeZone", out var tz) ? tz.Text! : "Asia/Shanghai");
    }
}
