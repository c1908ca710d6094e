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
/// and id counters. One writer thread batches whatever appends are waiting into one transaction (group
/// commit); each caller is acknowledged only after the commit that holds its entry has returned.
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
        StoredDataException.Read(DataDir, () => _records.FindById(recordId) is { } doc
            ? SnapshotBson.FromBson(doc)
            : _ledger.Exists(Query.EQ("recordId", recordId))
                ? throw new InvalidDataException($"record {recordId} has ledger entries but cannot be found in the records collection")
                : null);

    /// <summary>Streams records (in id order), optionally of one type; nothing is held beyond the current one.</summary>
    public IEnumerable<RecordSnapshot> Records(RecordType? type = null) =>
        StoredDataException.Stream(DataDir, () => (type is { } t
            ? _records.Find(Query.EQ("type", RecordTypeNames.Name(t)))
            : _records.FindAll()).Select(SnapshotBson.FromBson));

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
        _summaries is { } s
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
            foreach (var doc in _ledger.Find(Query.GT("_id", saved.Head.Seq)))
            {
                changed.Add(doc["recordId"].AsString);
                caughtUp = new LedgerHead(doc["_id"].AsInt64, doc["hash"].AsString);
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

    /// <summary>The records collection as stored, for the derived-state check (Verification/DerivedStateVerifier).</summary>
    internal IEnumerable<BsonDocument> StoredRecordDocuments() => StoredDataException.Stream(DataDir, _records.FindAll);

    /// <summary>The id counters as stored, for the derived-state check.</summary>
    internal IEnumerable<BsonDocument> StoredCounterDocuments() => StoredDataException.Stream(DataDir, _counters.FindAll);

    /// <summary>Another collection (users) as stored, for the derived-state check.</summary>
    internal IEnumerable<BsonDocument> StoredDocuments(string collection) => StoredDataException.Stream(DataDir, Collection(collection).FindAll);

    /// <summary>Whether <paramref name="head"/> names an entry of this ledger (its seq with its hash), or the empty head.</summary>
    internal bool IsEntryOf(LedgerHead head) =>
        head.Seq == 0
            ? head == LedgerHead.Empty
            : StoredDataException.Read(DataDir, () => _ledger.FindById(head.Seq) is { } at && at["hash"].IsString && at["hash"].AsString == head.Hash);

    /// <summary>Streams the chain in seq order as stored, for verify and export.</summary>
    public IEnumerable<LedgerEntry> Entries() =>
        StoredDataException.Stream(DataDir, () => _ledger.Find(Query.All(Query.Ascending)).Select(EntryFromBson));

    /// <summary>
    /// The ledger entries of one record, oldest first: its full history. Each entry is checked against its own hashes as it
    /// is read (not the whole chain: that is verify's walk), so a changed note or field is refused here instead of shown.
    /// </summary>
    public IEnumerable<(LedgerEntry Entry, RecordEvent Event)> History(string recordId) =>
        StoredDataException.Read(DataDir, () => WholeHistory(recordId, EntriesOf(recordId)));

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
    private List<(LedgerEntry Entry, RecordEvent Event)> WholeHistory(string recordId, List<(LedgerEntry Entry, RecordEvent Event)> history)
    {
        if (history.Count == 0 || !RecordEvent.IsRecordEntry(history[0].Event.Type) || _records.FindById(recordId) is not { } stored)
        {
            return history;
        }
        RecordSnapshot? folded = null;
        foreach (var (entry, e) in history)
        {
            folded = RecordProjector.Apply(folded, e, entry.Seq);
        }
        return folded is not null && StateDigest.SameRecord(SnapshotBson.ToBson(folded), stored)
            ? history
            : throw new InvalidDataException($"the ledger entries found for record {recordId} do not fold into the record as stored (an index page of the ledger is damaged)");
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
        if (_ledger.FindById(1L) is not { } doc)
        {
            return null;
        }
        var e = RecordEventCodec.Decode(doc["content"].AsString);
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

    /// <summary>Inserts an entry and folds it into the batch's view of the records (and of the idempotency keys).</summary>
    private RecordSnapshot? Stage(LedgerEntry entry, RecordEvent e, BatchView view)
    {
        if (e.Request is { } key)
        {
            var id = IdempotentRequest.IndexId(e.Actor, key.Key);
            view.Requests[id] = (entry.Seq, key.Request);
            _requests.Upsert(new BsonDocument { ["_id"] = id, ["seq"] = entry.Seq, ["request"] = key.Request });
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
        _ledger.Insert(EntryToBson(entry));
        view.Head = new LedgerHead(entry.Seq, entry.Hash);
        return snapshot;
    }

    /// <summary>
    /// Applies journal entries the database lost in a crash (acknowledged, but LiteDB had not written them) or whose
    /// commit it refused (a full disk); null when there were none.
    /// </summary>
    private BatchView? Replay(List<LedgerEntry> journal)
    {
        var missing = journal.Where(e => e.Seq > _head.Seq).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        if (missing[0].Seq != _head.Seq + 1 || missing[0].PrevHash != _head.Hash)
        {
            throw new StorageEnvironmentException(
                $"{LedgerJournal.FileName} does not continue the database (database ends at {_head}, journal resumes at {missing[0].Seq}); " +
                "keep a copy of both files and run 'edgestation records verify'.");
        }
        var view = new BatchView(this);
        _db.BeginTrans();
        foreach (var entry in missing)
        {
            var e = RecordEventCodec.Decode(entry.Content);
            Stage(entry, e, view);
            var parts = e.RecordId.Split('-');
            if (e.Action == RecordEvent.Create && parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                var key = $"{parts[0]}-{parts[1]}";
                var current = view.Counters.TryGetValue(key, out var c) ? c : _counters.FindById(key) is { } doc ? doc["n"].AsInt64 : 0;
                view.Counters[key] = Math.Max(current, n);
            }
        }
        SaveProjection(view);
        _db.Commit();
        _digest = view.Digest;
        lock (_headLock)
        {
            _head = view.Head;
        }
        RecoveredEntries += missing.Count;
        return view;
    }

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

    private void CommitBatch(List<PendingAppend> batch)
    {
        var view = new BatchView(this);
        var done = new List<(PendingAppend Pending, AppendResult? Result)>(batch.Count);
        var journaling = false;
        try
        {
            EnsureSpace();
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
                    view.KeepIds();
                    if (e is not null && pending.Request is { } keyed)
                    {
                        e = e with { Request = keyed.Key };
                    }
                }
                catch (Exception ex)
                {
                    view.ReleaseIds(); // a rejected entry uses up no number
                    pending.Done.TrySetException(ex);
                    continue;
                }
                if (e is null)
                {
                    done.Add((pending, null));
                    continue;
                }
                var entry = LedgerHasher.Seal(view.Head.Seq + 1, e.RecordId, RecordEventCodec.Encode(e), view.Head.Hash);
                var snapshot = Stage(entry, e, view);
                done.Add((pending, new AppendResult(entry, e, snapshot)));
            }
            SaveProjection(view);
            journaling = true;
            InjectFault(FaultPoint.Journal);
            _journal!.AppendDurably(done.Where(d => d.Result is { Repeated: false }).Select(d => d.Result!.Entry).ToList());
        }
        catch (Exception ex)
        {
            try
            {
                _db.Rollback();
            }
            catch (Exception)
            {
                // The commit failure is what the callers need to hear about.
            }
            var storage = ex is IOException or UnauthorizedAccessException or LiteException;
            if (storage)
            {
                // The journal refused (nothing of the batch is anywhere) or LiteDB did while staging: retry later.
                _dbDead = !journaling;
                EnterFault(ex, journalAhead: false);
                Interlocked.Add(ref _refusedAppends, batch.Count);
                if (_dbDead)
                {
                    TryReopenForReads();
                }
            }
            var failure = storage
                ? new StorageEnvironmentException($"the station database could not be written ({ex.Message}); nothing from this request was stored", ex)
                : ex;
            // Every caller of the batch, not only those staged so far: one left out would wait for ever
            // (sealing or projecting an entry can throw before it is in `done`). Those whose builder failed keep
            // their own exception (TrySet is a no-op on them).
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(failure);
            }
            return;
        }
        try
        {
            InjectFault(FaultPoint.Commit);
            _db.Commit();
        }
        catch (Exception ex)
        {
            // The entries are durable in the journal: the writer's retry (or the next open) applies them. Their callers
            // cannot be told yet whether they count, hence the idempotency key (docs/ledger.md).
            _dbDead = true;
            EnterFault(ex, journalAhead: true);
            Interlocked.Add(ref _refusedAppends, done.Count);
            var failure = new StorageEnvironmentException(
                $"the station database refused a commit ({ex.Message}); the entries are in {LedgerJournal.FileName} and are applied once the disk " +
                "takes writes again (the station retries by itself), so this write may yet be stored", ex);
            foreach (var (pending, _) in done)
            {
                pending.Done.TrySetException(failure);
            }
            FailWaiting(failure);
            TryReopenForReads();
            return;
        }
        _digest = view.Digest;
        if (view.Rebuild is not null)
        {
            AfterRebuild();
        }
        else
        {
            ApplyToSummaries(view);
        }
        lock (_headLock)
        {
            _head = view.Head;
        }
        foreach (var (pending, result) in done)
        {
            pending.Done.TrySetResult(result);
        }
        CheckpointIfJournalFull();
    }

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
        // Same thread as the batch's transaction: entries staged earlier in this batch are visible here.
        var entry = EntryFromBson(_ledger.FindById(prior.Seq));
        var e = RecordEventCodec.Decode(entry.Content);
        RecordSnapshot? record = null;
        if (RecordEvent.IsRecordEntry(e.Type))
        {
            foreach (var (past, pastEvent) in StoredDataException.Read(DataDir, () => EntriesOf(entry.RecordId)).Where(h => h.Entry.Seq <= prior.Seq))
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

    /// <summary>The committed state plus what this batch has changed so far.</summary>
    private sealed class BatchView(LedgerStore store) : ILedgerView
    {
        public Dictionary<string, RecordSnapshot> Changed { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (long Seq, string Request)> Requests { get; } = new(StringComparer.Ordinal);
        public LedgerHead Head { get; set; } = store.Head;

        /// <summary>The digest of the state as this batch leaves it (committed: becomes the store's).</summary>
        public StateDigest Digest { get; set; } = store._digest.Clone();

        /// <summary>An account entry is in the batch: the users part of the digest is read again.</summary>
        public bool AccountsChanged { get; set; }

        /// <summary>Set by a rebuild's builder: the state to store in place of the projection.</summary>
        public DerivedState? Rebuild { get; set; }

        public RecordSnapshot? Find(string recordId) =>
            Changed.TryGetValue(recordId, out var s) ? s : store.Find(recordId);

        public string NextRecordId(RecordType type, int year)
        {
            var key = $"{RecordTypeNames.IdPrefix(type)}-{year.ToString(CultureInfo.InvariantCulture)}";
            if (!_taken.TryGetValue(key, out var n) && !Counters.TryGetValue(key, out n))
            {
                n = store._counters.FindById(key) is { } doc ? doc["n"].AsInt64 : 0;
            }
            _taken[key] = ++n;
            return $"{key}-{n.ToString("D4", CultureInfo.InvariantCulture)}";
        }

        // Numbers handed to the builder running now: they count only once its entry is accepted.
        private readonly Dictionary<string, long> _taken = new(StringComparer.Ordinal);

        public void KeepIds()
        {
            foreach (var (key, n) in _taken)
            {
                Counters[key] = n;
            }
            _taken.Clear();
        }

        public void ReleaseIds() => _taken.Clear();
    }
}
