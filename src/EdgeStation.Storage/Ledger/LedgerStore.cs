using System.Collections.Concurrent;
using System.Globalization;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Records;
using EdgeStation.Storage.Station;
using EdgeStation.Storage.Verification;
using LiteDB;

namespace EdgeStation.Storage.Ledger;

/// <summary>
/// The station's LiteDB file: the append-only hash-chained ledger, the record projection derived from it,
/// and id counters. One writer thread batches whatever appends are waiting (group commit); each caller is
/// acknowledged once the batch is fsync'ed in <see cref="LedgerJournal"/>, and LiteDB is written after that, with reads
/// served from the <see cref="UnappliedBatch"/> meanwhile (<see cref="CommitBatch"/> has the order).
/// </summary>
public sealed partial class LedgerStore : IDisposable
{
    public const string FileName = "station.db";
    private const int MaxBatch = 512;

    /// <summary>
    /// Once the journal holds this much, the writer has LiteDB checkpoint (its log copied into station.db and fsync'ed)
    /// and empties the journal: it stays small and a start reads little, instead of growing until a clean stop.
    /// </summary>
    public const long JournalCheckpointBytes = 256 * 1024;

    // Replaced together (Bind) when the writer reopens LiteDB after a failed write (LedgerStore.Faults.cs).
    private LiteDatabase _db;
    private readonly StationLock? _lock;
    private readonly LedgerJournal? _journal;
    private ILiteCollection<BsonDocument> _ledger;
    private ILiteCollection<BsonDocument> _records;
    private ILiteCollection<BsonDocument> _counters;
    private ILiteCollection<BsonDocument> _requests; // idempotency keys: actor+key -> seq, request digest
    private readonly BlockingCollection<PendingAppend> _queue = new();
    private readonly Thread? _writer;
    private readonly Lock _headLock = new();
    private readonly Lock _summaryLock = new();
    private readonly bool _readOnly;
    private RecordSummaryIndex? _summaryIndex; // null until something asks for the summaries
    private volatile RecordSummaries? _summaries;
    private LedgerHead _head;
    private bool _disposed;

    private LedgerStore(string dataDir, LiteDatabase db, StationLock? stationLock, bool readOnly, StateCheck check, TimeProvider time)
    {
        _time = time;
        DataDir = dataDir;
        _readOnly = readOnly;
        _lock = stationLock;
        Bind(db);
        if (!readOnly)
        {
            _records.EnsureIndex("type");
            _ledger.EnsureIndex("recordId");
        }
        var last = _ledger.Find(Query.All(Query.Descending), limit: 1).FirstOrDefault();
        _head = last is null ? LedgerHead.Empty : new LedgerHead(last["_id"].AsInt64, last["hash"].AsString);
        ProveState(check, writable: !readOnly);
        if (_records.Count() > ReleaseCacheAbove)
        {
            // The proof read every record, and LiteDB 5's page cache keeps every page it read, unbounded (LiteDB issue
            // #2813): tens of megabytes at 100,000 records that nothing reads again soon. A fresh instance starts empty.
            Rebind();
        }
        if (!readOnly)
        {
            _journal = LedgerJournal.Open(dataDir);
            try
            {
                Replay(_journal.ReadAll());
            }
            catch
            {
                _journal.Dispose();
                throw;
            }
            _writer = new Thread(WriterLoop) { IsBackground = true, Name = "ledger-writer" };
            _writer.Start();
        }
    }

    public string DataDir { get; }

    /// <summary>Records beyond which a whole read (the proof on open, a read-only scan) is followed by a fresh LiteDB instance.</summary>
    internal const int ReleaseCacheAbove = 20_000;

    /// <summary>Records a read-only scan reads between fresh LiteDB instances (bounded memory for `records list`).</summary>
    internal const int ScanPage = 5_000;

    private void Rebind()
    {
        _db.Dispose();
        Bind(new LiteDatabase(new ConnectionString
        {
            Filename = Path.Combine(DataDir, FileName),
            Connection = ConnectionType.Direct,
            ReadOnly = _readOnly,
        }));
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_db), nameof(_ledger), nameof(_records), nameof(_counters), nameof(_requests), nameof(_state))]
    private void Bind(LiteDatabase db)
    {
        _db = db;
        _ledger = db.GetCollection("ledger");
        _records = db.GetCollection("records");
        _counters = db.GetCollection("counters");
        _requests = db.GetCollection("requests");
        _state = db.GetCollection(StateCollection);
    }

    public LedgerHead Head
    {
        get
        {
            lock (_headLock)
            {
                return _head;
            }
        }
    }

    /// <summary>
    /// Opens (creating if needed) the database in <paramref name="dataDir"/>, taking the single-owner lock.
    /// Throws <see cref="StorageEnvironmentException"/> when the directory, the file or the lock cannot be had.
    /// <paramref name="readOnly"/> (the read commands) never creates or changes a file: LiteDB opens the file
    /// read-only, unless a crash left entries to recover (<see cref="DatabaseFileCheck.NeedsRecovery"/>).
    /// A refused file is left byte for byte as it was: it is checked before LiteDB, which "repairs", ever sees it.
    /// </summary>
    /// <param name="time">The clock of the writer's retry backoff after a failed write (tests pass a fake one).</param>
    /// <param name="check">Whether a stored state that is not the one the writer left refuses the open (the default) or is only
    /// reported (<see cref="StateProblem"/>, for verify and rebuild).</param>
    public static LedgerStore Open(string dataDir, bool mustExist = false, bool readOnly = false, TimeProvider? time = null, StateCheck check = StateCheck.Required)
    {
        var path = Path.Combine(dataDir, FileName);
        if ((mustExist || readOnly) && !File.Exists(path))
        {
            throw new StorageEnvironmentException($"no station database at {path} (wrong --data-dir? nothing has been recorded yet?)");
        }
        StationLock? stationLock = null;
        try
        {
            var newDir = !Directory.Exists(dataDir);
            Directory.CreateDirectory(dataDir);
            stationLock = StationLock.Acquire(dataDir);
            var isNew = !File.Exists(path);
            DatabaseFileCheck.EnsureLiteDb(path);
            DatabaseFileCheck.EnsureLog(dataDir);
            var liteReadOnly = readOnly && !DatabaseFileCheck.NeedsRecovery(dataDir);
            var db = new LiteDatabase(new ConnectionString
            {
                Filename = path,
                Connection = ConnectionType.Direct,
                ReadOnly = liteReadOnly,
            });
            try
            {
                return new LedgerStore(dataDir, db, stationLock, liteReadOnly, check, time ?? TimeProvider.System) { _created = isNew ? new CreatedFiles(newDir) : null };
            }
            catch
            {
                db.Dispose();
                if (isNew)
                {
                    CreatedFilesCleanup.RemoveDatabase(dataDir);
                }
                throw;
            }
        }
        catch (StorageEnvironmentException)
        {
            stationLock?.Dispose();
            throw;
        }
        catch (Exception ex) when (StoredDataException.IsDamage(ex))
        {
            stationLock?.Dispose();
            throw new StorageEnvironmentException($"{path} is not a readable station database ({ex.Message}). It was left as it is: restore it from a backup or move it aside.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stationLock?.Dispose();
            throw new StorageEnvironmentException($"cannot open the station database in {dataDir}: {ex.Message}", ex);
        }
    }

    /// <summary>This open made the database (and perhaps its folder): if nothing is ever committed, Dispose removes them again.</summary>
    private sealed record CreatedFiles(bool Folder);

    private CreatedFiles? _created;

    /// <summary>
    /// Appends the event that <paramref name="build"/> returns (null: nothing to append). The builder runs on the
    /// writer thread against the latest state; its exception reaches the caller and nothing is written.
    /// </summary>
    /// <param name="request">The client's idempotency key: when an entry with it is already stored, the result is that
    /// entry (<see cref="AppendResult.Repeated"/>) and <paramref name="build"/> does not run; when it was stored for a
    /// different request, <see cref="IdempotencyConflictException"/>.</param>
    public Task<AppendResult?> AppendAsync(Func<ILedgerView, RecordEvent?> build, IdempotentRequest? request = null) =>
        AppendAsync(build, request, rebuild: false);

    private Task<AppendResult?> AppendAsync(Func<ILedgerView, RecordEvent?> build, bool rebuild) => AppendAsync(build, null, rebuild);

    private Task<AppendResult?> AppendAsync(Func<ILedgerView, RecordEvent?> build, IdempotentRequest? request, bool rebuild)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is null)
        {
            throw new InvalidOperationException("the store was opened read-only");
        }
        if (_fault is { } fault)
        {
            throw Refusal(fault);
        }
        if (StateProblem is not null && !rebuild)
        {
            throw new StateDisagreesException($"the stored state disagrees with the ledger ({StateProblem}); nothing is written on top of it until 'edgestation records rebuild'");
        }
        var pending = new PendingAppend(build, request) { Rebuild = rebuild };
        Enqueuing?.Invoke();
        _queue.Add(pending);
        return pending.Done.Task;
    }

    public AppendResult? Append(Func<ILedgerView, RecordEvent?> build) => AppendAsync(build).GetAwaiter().GetResult();

    /// <summary>Appends many events, committed in batches; the results come back in order.</summary>
    public IReadOnlyList<AppendResult?> AppendMany(IEnumerable<Func<ILedgerView, RecordEvent?>> builds)
    {
        var tasks = builds.Select(b => AppendAsync(b)).ToList();
        return Task.WhenAll(tasks).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Another collection of station.db, for stores that live beside the ledger (Accounts/UserStore: the
    /// <c>users</c> collection). Storage-internal on purpose: nothing outside this assembly touches LiteDB.
    /// A write made from inside an <see cref="AppendAsync"/> builder runs on the writer thread and so joins
    /// that batch's transaction: it commits together with the entry, or not at all. Writes from any other
    /// thread commit on their own (LiteDB transactions belong to a thread).
    /// </summary>
    internal ILiteCollection<BsonDocument> Collection(string name)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (name is "ledger" or "records" or "counters" or "requests" or StateCollection)
        {
            throw new ArgumentException($"'{name}' belongs to the ledger itself", nameof(name));
        }
        return _db.GetCollection(name);
    }

    /// <summary>The record as stored; null when the ledger never created it. One the ledger has but the collection cannot find is damage.</summary>
    public RecordSnapshot? Find(string recordId) =>
        _unapplied is { } unapplied && unapplied.Records.TryGetValue(recordId, out var acknowledged)
            ? acknowledged
            : StoredDataException.Read(DataDir, () => _records.FindById(recordId) is { } doc
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
        var stored = StoredDataException.Stream(DataDir, () => (type is { } t
            ? _records.Find(Query.EQ("type", RecordTypeNames.Name(t)))
            : _records.FindAll()).Select(SnapshotBson.FromBson));
        return unapplied is null ? stored : WithUnapplied(stored, unapplied, type);
    }

    /// <summary>
    /// A read-only store (a command, alone with the file): the records in pages of <see cref="ScanPage"/> by id, a fresh LiteDB
    /// instance between pages once the scan is large, so its page cache never holds more than a page's worth.
    /// </summary>
    private IEnumerable<BsonDocument> ScanReadOnly(RecordType? type)
    {
        var typeName = type is { } t ? RecordTypeNames.Name(t) : null;
        var large = _records.Count() > ReleaseCacheAbove;
        BsonValue after = BsonValue.MinValue;
        while (true)
        {
            var page = _records.Find(Query.GT("_id", after), limit: ScanPage).ToList();
            foreach (var doc in page)
            {
                if (typeName is null || (doc["type"].IsString && doc["type"].AsString == typeName))
                {
                    yield return doc;
                }
            }
            if (page.Count < ScanPage)
            {
                yield break;
            }
            after = page[^1]["_id"];
            if (large)
            {
                Rebind();
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
            : StoredDataException.Read(DataDir, () => type is { } t ? _records.Count(Query.EQ("type", RecordTypeNames.Name(t))) : _records.Count());

    /// <summary>
    /// Every record's <see cref="RecordSummary"/> as of the latest commit: an immutable set a reader may keep.
    /// The first call loads them (from <see cref="RecordSummaryFile"/> when it matches the ledger, catching up
    /// on entries written since; otherwise by reading every record once); from then on the writer thread
    /// publishes the next set after each commit, before the appends in it are acknowledged.
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

    private RecordSummaryIndex LoadSummaries()
    {
        var head = Head;
        if (RecordSummaryFile.TryLoad(DataDir) is { } saved
            && saved.Head.Seq <= head.Seq
            && head.Seq - saved.Head.Seq <= MaxSummaryCatchUp
            && (saved.Head.Seq == 0
                ? saved.Head == LedgerHead.Empty
                : _ledger.FindById(saved.Head.Seq) is { } at && at["hash"].AsString == saved.Head.Hash))
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
        var rebuilt = RecordSummaryIndex.Build(Records().Select(RecordSummary.From), head);
        SummariesSource = "rebuilt";
        if (!_readOnly)
        {
            TrySaveSummaries(rebuilt.Current);
        }
        return rebuilt;
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
        var stored = StoredDataException.Stream(DataDir, _records.FindAll);
        return unapplied is null ? stored : Overlaid(stored, unapplied.Records.ToDictionary(r => (BsonValue)r.Key, r => SnapshotBson.ToBson(r.Value)));
    }

    /// <summary>The id counters as stored (with an unapplied batch's), for the derived-state check.</summary>
    internal IEnumerable<BsonDocument> StoredCounterDocuments()
    {
        var unapplied = _unapplied;
        var stored = StoredDataException.Stream(DataDir, _counters.FindAll);
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
    internal IEnumerable<BsonDocument> StoredDocuments(string collection) => StoredDataException.Stream(DataDir, Collection(collection).FindAll);

    /// <summary>Whether <paramref name="head"/> names an entry of this ledger (its seq with its hash), or the empty head.</summary>
    internal bool IsEntryOf(LedgerHead head) =>
        head.Seq == 0
            ? head == LedgerHead.Empty
            : _unapplied?.At(head.Seq) is { } acknowledged
                ? acknowledged.Hash == head.Hash
                : StoredDataException.Read(DataDir, () => _ledger.FindById(head.Seq) is { } at && at["hash"].IsString && at["hash"].AsString == head.Hash);

    /// <summary>Streams the chain in seq order as stored (then what an unapplied batch holds), for verify and export.</summary>
    public IEnumerable<LedgerEntry> Entries() => EntriesAfter(0);

    private IEnumerable<LedgerEntry> EntriesAfter(long seq)
    {
        var unapplied = _unapplied; // taken before LiteDB is read: whatever it lacks, this has
        var stored = StoredDataException.Stream(DataDir, () => _ledger.Find(Query.GT("_id", seq)).Select(EntryFromBson));
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
            var history = StoredDataException.Read(DataDir, () => WithUnapplied(EntriesOf(recordId), unapplied, recordId));
            if (StoredDataException.Read(DataDir, () => FoldsIntoStored(recordId, history, unapplied)) || attempt == 3)
            {
                return attempt < 3 ? history : StoredDataException.Read(DataDir, () => WholeHistory(recordId, history, unapplied));
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

    // Writer thread too (an idempotent replay): entries staged in the running batch are in the ledger collection already,
    // its records not yet, so only the public History compares the fold with the stored record.
    private List<(LedgerEntry Entry, RecordEvent Event)> EntriesOf(string recordId) =>
        [.. _ledger.Find(Query.EQ("recordId", recordId))
            .Select(EntryFromBson)
            .OrderBy(e => e.Seq)
            .Select(e => (CheckedAgainstItsHashes(e), RecordEventCodec.Decode(e.Content)))];

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
        if (history.Count == 0 || !RecordEvent.IsRecordEntry(history[0].Event.Type) || stored is null)
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
    public StationInfo? Station() => _station ??= StoredDataException.Read(DataDir, ReadStation);

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

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _queue.CompleteAdding();
        _writer?.Join(); // in-flight appends finish before the file closes
        var faulted = _fault is not null;
        if (!_readOnly && !faulted && _summaries is { } summaries)
        {
            TrySaveSummaries(summaries); // the next start loads them instead of reading every record
        }
        if (faulted)
        {
            try
            {
                _db.Dispose();
            }
            catch (Exception ex) when (ex is IOException or LiteException or ObjectDisposedException or InvalidOperationException)
            {
                // The disk is still refusing: LiteDB's log and the journal keep everything for the next open.
            }
        }
        else
        {
            _db.Dispose(); // LiteDB drains its write queue, checkpoints and syncs its file
        }
        if (_journal is not null)
        {
            if (!faulted)
            {
                _journal.Clear();
            }
            _journal.Dispose();
        }
        _lock?.Dispose();
        _queue.Dispose();
        if (_created is { } created && _head.Seq == 0 && _fault is null)
        {
            CreatedFilesCleanup.Remove(DataDir, created.Folder);
        }
    }

    private static LedgerEntry EntryFromBson(BsonDocument doc) => new(
        doc["_id"].AsInt64,
        Text(doc, "recordId"),
        Text(doc, "content"),
        Text(doc, "digest"),
        Text(doc, "prev"),
        Text(doc, "hash"));

    // LiteDB answers null for a member whose type tag was changed: that is damage, found here rather than by a reader.
    private static string Text(BsonDocument doc, string key) =>
        doc[key].IsString ? doc[key].AsString : throw new InvalidCastException($"ledger entry {doc["_id"]}: '{key}' is not text");

    private static BsonDocument EntryToBson(LedgerEntry e) => new()
    {
        ["_id"] = e.Seq,
        ["recordId"] = e.RecordId,
        ["content"] = e.Content,
        ["digest"] = e.ContentDigest,
        ["prev"] = e.PrevHash,
        ["hash"] = e.Hash,
    };

    /// <summary>Folds an entry into the batch's view (records, idempotency keys, head); nothing is written yet.</summary>
    private static RecordSnapshot? Stage(LedgerEntry entry, RecordEvent e, BatchView view)
    {
        if (e.Request is { } key)
        {
            view.Requests[IdempotentRequest.IndexId(e.Actor, key.Key)] = (entry.Seq, key.Request);
        }
        RecordSnapshot? snapshot = null;
        if (RecordEvent.IsRecordEntry(e.Type))
        {
            snapshot = RecordProjector.Apply(view.Find(e.RecordId), e, entry.Seq);
            view.Changed[e.RecordId] = snapshot;
        }
        else if (e.Type == RecordEvent.UserType)
        {
            view.AccountsChanged = true;
        }
        view.Entries.Add(entry);
        view.Head = new LedgerHead(entry.Seq, entry.Hash);
        return snapshot;
    }

    /// <summary>Writer thread, inside a LiteDB transaction: everything the batch staged, with the state digest kept in step.</summary>
    private void ApplyToDatabase(BatchView view)
    {
        foreach (var entry in view.Entries)
        {
            _ledger.Insert(EntryToBson(entry));
        }
        foreach (var (id, (seq, request)) in view.Requests)
        {
            _requests.Upsert(new BsonDocument { ["_id"] = id, ["seq"] = seq, ["request"] = request });
        }
        view.Side.ApplyTo(_db);
        SaveProjection(view);
    }

    /// <summary>The last entry LiteDB holds (the acknowledged head may be ahead of it while a batch is unapplied).</summary>
    private LedgerHead DatabaseHead()
    {
        var last = _ledger.Find(Query.All(Query.Descending), limit: 1).FirstOrDefault();
        return last is null ? LedgerHead.Empty : new LedgerHead(last["_id"].AsInt64, last["hash"].AsString);
    }

    /// <summary>
    /// Applies journal entries the database lost in a crash (acknowledged, but not yet applied or not yet written by
    /// LiteDB) or whose apply it refused (a full disk); null when there were none.
    /// </summary>
    private BatchView? Replay(List<LedgerEntry> journal)
    {
        var applied = DatabaseHead();
        var missing = journal.Where(e => e.Seq > applied.Seq).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        if (missing[0].Seq != applied.Seq + 1 || missing[0].PrevHash != applied.Hash)
        {
            throw new StorageEnvironmentException(
                $"{LedgerJournal.FileName} does not continue the database (database ends at {applied}, journal resumes at {missing[0].Seq}); " +
                "keep a copy of both files and run 'edgestation records verify'.");
        }
        var view = new BatchView(this) { Head = applied };
        foreach (var entry in missing)
        {
            var e = RecordEventCodec.Decode(entry.Content);
            Stage(entry, e, view);
            if (RecordIdAllocator.TryParse(e.RecordId, out var key, out var n) && e.Action == RecordEvent.Create)
            {
                var current = view.Counters.TryGetValue(key, out var c) ? c : StoredCounter(key);
                view.Counters[key] = Math.Max(current, n);
            }
        }
        _db.BeginTrans();
        ApplyToDatabase(view);
        _db.Commit();
        _digest = view.Digest;
        lock (_headLock)
        {
            if (view.Head.Seq > _head.Seq)
            {
                _head = view.Head;
            }
        }
        _unapplied = null;
        RecoveredEntries += missing.Count;
        return view;
    }

    private long StoredCounter(string key) => _counters.FindById(key) is { } doc ? doc["n"].AsInt64 : 0;

    /// <summary>How many entries were applied from the journal: when the store opened, and by retries after a refused commit.</summary>
    public int RecoveredEntries { get; private set; }

    private void WriterLoop()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        PendingAppend? carried = null; // a rebuild met while gathering a batch: it goes next, alone
        while (true)
        {
            if (_fault is not null)
            {
                RecoverLoop();
                if (_fault is { } unresolved)
                {
                    // Closing while faulted: a rebuild carried past the refused batch is answered too, or its caller waits for ever.
                    carried?.Done.TrySetException(Refusal(unresolved));
                    FailWaiting(Refusal(unresolved));
                    return;
                }
            }
            var first = carried;
            carried = null;
            if (first is null && !_queue.TryTake(out first, Timeout.Infinite))
            {
                return;
            }
            batch.Clear();
            batch.Add(first);
            // A rebuild replaces the whole projection, so it shares its transaction with no other entry.
            while (!first.Rebuild && batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                if (next.Rebuild)
                {
                    carried = next;
                    break;
                }
                batch.Add(next);
            }
            CommitBatch(batch);
        }
    }

    /// <summary>
    /// One group commit, in this order (issue 19): build every entry in memory against the applied state; append them to
    /// the journal and fsync (the durability point); publish them (the unapplied overlay, the summaries, the head) and
    /// acknowledge; then apply them to LiteDB in one transaction and commit. LiteDB's commit is off the acknowledgement
    /// path, except for a batch with side writes or a rebuild: those are acknowledged after the commit, so that a login
    /// right after `users add` finds the account.
    /// </summary>
    private void CommitBatch(List<PendingAppend> batch)
    {
        var mark = WriterStats.Mark();
        var view = new BatchView(this);
        var done = new List<(PendingAppend Pending, AppendResult? Result)>(batch.Count);
        try
        {
            // One LiteDB transaction from the first read to the commit: the builders' reads share its snapshot (a read
            // outside one opens and closes a transaction of its own each time), and the apply writes into it.
            _db.BeginTrans();
            foreach (var pending in batch)
            {
                RecordEvent? e;
                try
                {
                    if (pending.Request is { } request && Repeat(request, view) is { } repeated)
                    {
                        done.Add((pending, repeated));
                        continue;
                    }
                    e = pending.Build(view);
                    if (e is not null && pending.Request is { } keyed)
                    {
                        e = e with { Request = keyed.Key };
                    }
                }
                catch (Exception ex)
                {
                    view.Reject(); // a rejected entry uses up no number and leaves no side write
                    pending.Done.TrySetException(ex);
                    continue;
                }
                if (e is null)
                {
                    view.Reject();
                    done.Add((pending, null));
                    continue;
                }
                view.Accept();
                var entry = LedgerHasher.Seal(view.Head.Seq + 1, e.RecordId, RecordEventCodec.Encode(e), view.Head.Hash);
                var snapshot = Stage(entry, e, view);
                done.Add((pending, new AppendResult(entry, e, snapshot)));
            }
            EnsureSpace();
            mark = Stats.Lap(WriterStage.Build, mark);
            InjectFault(FaultPoint.Journal);
            _journal!.AppendDurably(view.Entries);
            mark = Stats.Lap(WriterStage.Journal, mark);
        }
        catch (Exception ex)
        {
            // Nothing of the batch is anywhere: the journal refused it (it leaves no half line) or building it failed.
            TryRollback();
            var storage = ex is IOException or UnauthorizedAccessException or LiteException;
            if (storage)
            {
                EnterFault(ex, journalAhead: false);
                Interlocked.Add(ref _refusedAppends, batch.Count);
            }
            var failure = storage
                ? new StorageEnvironmentException($"the station database could not be written ({ex.Message}); nothing from this request was stored", ex)
                : ex;
            // Every caller of the batch, not only those built so far: one left out would wait for ever. Those whose
            // builder failed keep their own exception (TrySet is a no-op on them).
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(failure);
            }
            return;
        }
        var acknowledgeAfterCommit = view.Side.Count > 0 || view.AccountsChanged || view.Rebuild is not null;
        if (!acknowledgeAfterCommit)
        {
            if (view.Entries.Count > 0)
            {
                Publish(view);
            }
            Acknowledge(done);
            mark = Stats.Lap(WriterStage.Acknowledge, mark);
            Acknowledged?.Invoke();
        }
        try
        {
            if (view.Entries.Count > 0 || view.Side.Count > 0)
            {
                ApplyToDatabase(view);
                mark = Stats.Lap(WriterStage.Apply, mark);
                InjectFault(FaultPoint.Commit);
                _db.Commit();
            }
            else
            {
                _db.Rollback(); // read only
            }
        }
        catch (Exception ex)
        {
            TryRollback();
            // The entries are durable in the journal: the writer's retry (or the next open) applies them, and until then
            // readers are served from the unapplied batch. Callers not yet acknowledged cannot be told whether their
            // entry counts, hence the idempotency key (docs/ledger.md).
            _dbDead = true;
            TryReopenForReads(); // before the fault is visible: a reader told of it finds reads working
            EnterFault(ex, journalAhead: view.Entries.Count > 0);
            if (acknowledgeAfterCommit)
            {
                Interlocked.Add(ref _refusedAppends, done.Count);
                var failure = new StorageEnvironmentException(
                    $"the station database refused a commit ({ex.Message}); the entries are in {LedgerJournal.FileName} and are applied once the disk " +
                    "takes writes again (the station retries by itself), so this write may yet be stored", ex);
                foreach (var (pending, _) in done)
                {
                    pending.Done.TrySetException(failure);
                }
            }
            FailWaiting(Refusal(_fault!));
            return;
        }
        _digest = view.Digest;
        if (view.Rebuild is not null)
        {
            AfterRebuild();
        }
        if (acknowledgeAfterCommit)
        {
            if (view.Rebuild is null)
            {
                ApplyToSummaries(view);
            }
            lock (_headLock)
            {
                _head = view.Head;
            }
            Acknowledge(done);
        }
        _unapplied = null;
        mark = Stats.Lap(WriterStage.Commit, mark);
        CheckpointIfJournalFull();
        Stats.Lap(WriterStage.Checkpoint, mark);
        Stats.Committed(view.Entries.Count);
    }

    /// <summary>Where the writer's time and allocations go, per step of the group commit.</summary>
    public WriterStats Stats { get; } = new();

    private void TryRollback()
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception)
        {
            // The failure that led here is what the callers hear about.
        }
    }

    /// <summary>The batch is durable: readers see it from now on (the overlay first, then the summaries and the head).</summary>
    private void Publish(BatchView view)
    {
        _unapplied = new UnappliedBatch([.. view.Entries], new Dictionary<string, RecordSnapshot>(view.Changed, StringComparer.Ordinal), new Dictionary<string, long>(view.Counters, StringComparer.Ordinal));
        ApplyToSummaries(view);
        lock (_headLock)
        {
            _head = view.Head;
        }
    }

    private static void Acknowledge(List<(PendingAppend Pending, AppendResult? Result)> done)
    {
        foreach (var (pending, result) in done)
        {
            pending.Done.TrySetResult(result);
        }
    }

    /// <summary>
    /// For tests: runs on the writer thread after a batch was acknowledged and before it is applied to LiteDB, the
    /// window in which readers are served from <see cref="UnappliedBatch"/> and a crash leaves the entries in the journal only.
    /// </summary>
    internal Action? Acknowledged { get; set; }

    // Acknowledged entries LiteDB does not hold yet; null almost always (published and cleared by the writer thread).
    private volatile UnappliedBatch? _unapplied;

    /// <summary>
    /// The entry already stored for <paramref name="request"/>'s key, as the result the first call had (the record as that
    /// entry left it); null when the key is new. A key used for another request is refused.
    /// </summary>
    private AppendResult? Repeat(IdempotentRequest request, BatchView view)
    {
        var id = request.IndexId();
        (long Seq, string Request) prior;
        if (view.Requests.TryGetValue(id, out var staged))
        {
            prior = staged;
        }
        else if (_requests.FindById(id) is { } doc)
        {
            prior = (doc["seq"].AsInt64, doc["request"].AsString);
        }
        else
        {
            return null;
        }
        if (prior.Request != request.Key.Request)
        {
            throw new IdempotencyConflictException(request.Key.Key, prior.Seq);
        }
        // The entry may have been staged earlier in this very batch (not in LiteDB yet).
        var entry = view.EntryAt(prior.Seq) ?? EntryFromBson(_ledger.FindById(prior.Seq));
        var e = RecordEventCodec.Decode(entry.Content);
        RecordSnapshot? record = null;
        if (RecordEvent.IsRecordEntry(e.Type))
        {
            var history = StoredDataException.Read(DataDir, () => EntriesOf(entry.RecordId))
                .Concat(view.Entries.Where(x => x.RecordId == entry.RecordId).Select(x => (x, RecordEventCodec.Decode(x.Content))));
            foreach (var (past, pastEvent) in history.Where(h => h.Item1.Seq <= prior.Seq))
            {
                record = RecordProjector.Apply(record, pastEvent, past.Seq);
            }
        }
        return new AppendResult(entry, e, record) { Repeated = true };
    }

    private sealed record PendingAppend(Func<ILedgerView, RecordEvent?> Build, IdempotentRequest? Request)
    {
        public bool Rebuild { get; init; }

        public TaskCompletionSource<AppendResult?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The applied state plus what this batch has changed so far.</summary>
    private sealed class BatchView(LedgerStore store) : ILedgerView
    {
        public Dictionary<string, RecordSnapshot> Changed { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (long Seq, string Request)> Requests { get; } = new(StringComparer.Ordinal);
        public List<LedgerEntry> Entries { get; } = [];
        public SideWrites Side { get; } = new();
        public LedgerHead Head { get; set; } = store.Head;

        /// <summary>The digest of the state as this batch leaves it (committed: becomes the store's).</summary>
        public StateDigest Digest { get; set; } = store._digest.Clone();

        /// <summary>An account entry is in the batch: the users part of the digest is read again.</summary>
        public bool AccountsChanged { get; set; }

        /// <summary>Set by a rebuild's builder: the state to store in place of the projection.</summary>
        public DerivedState? Rebuild { get; set; }

        // The collection as the writer left it (proven on open, written by nobody else): a miss is a new record, without
        // the ledger index lookup a reader's Find makes to tell a lost record from a new one (most of a create's build time).
        public RecordSnapshot? Find(string recordId)
        {
            if (Changed.TryGetValue(recordId, out var s))
            {
                return s;
            }
            if (_allocated.Contains(recordId))
            {
                return null; // numbered by this batch just now: the counters (proven on open) say no record has it
            }
            var doc = StoredDataException.Read(store.DataDir, () => store._records.FindById(recordId));
            Applied[recordId] = doc;
            return doc is null ? null : SnapshotBson.FromBson(doc);
        }

        /// <summary>Each record this batch read, as LiteDB holds it (null: new): the apply toggles it out of the digest without reading it again.</summary>
        public Dictionary<string, BsonDocument?> Applied { get; } = new(StringComparer.Ordinal);

        public LedgerEntry? EntryAt(long seq) =>
            Entries.Count > 0 && seq >= Entries[0].Seq && seq - Entries[0].Seq < Entries.Count ? Entries[(int)(seq - Entries[0].Seq)] : null;

        public string NextRecordId(RecordType type, int year)
        {
            var key = RecordIdAllocator.CounterKey(type, year);
            if (!_taken.TryGetValue(key, out var n) && !Counters.TryGetValue(key, out n))
            {
                n = store.StoredCounter(key);
            }
            _taken[key] = ++n;
            var id = RecordIdAllocator.Format(key, n);
            _allocated.Add(id);
            return id;
        }

        private readonly HashSet<string> _allocated = new(StringComparer.Ordinal);

        // Numbers handed to the builder running now: they count only once its entry is accepted.
        private readonly Dictionary<string, long> _taken = new(StringComparer.Ordinal);

        /// <summary>The running builder returned an entry: its numbers and side writes count.</summary>
        public void Accept()
        {
            foreach (var (key, n) in _taken)
            {
                Counters[key] = n;
            }
            _taken.Clear();
            Side.Accept();
        }

        /// <summary>The running builder threw or returned nothing: its numbers and side writes are dropped.</summary>
        public void Reject()
        {
            _taken.Clear();
            Side.Discard();
        }
    }

    /// <summary>The side-write batch of the running builder (Accounts/UserStore writes the <c>users</c> collection through it).</summary>
    internal static SideWrites SideWritesOf(ILedgerView view) =>
        view is BatchView batch ? batch.Side : throw new InvalidOperationException("side writes are made only from inside an append's builder");
}
