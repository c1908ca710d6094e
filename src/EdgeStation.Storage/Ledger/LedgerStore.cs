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
/// served from the <see cref="UnappliedBatch"/> until the applier thread has written it (<see cref="CommitBatch"/> has the order;
/// LedgerStore.Applier.cs the applier).
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

    // Every use of the LiteDB instance holds this gate: reads, the applier's transaction, a replay, a checkpoint, a
    // reopen. LiteDB 5 lets threads share an instance, but under load a read beside the applier's commit (or its
    // checkpoint) now and then met a page in flux, answered as damage: a 503 on an ordinary write (issue 19). A read
    // holds it for one document or one page of ScanPage; the journal fsync, the durability point, stays outside it.
    // Taken after _summaryLock, never before it.
    private readonly Lock _dbGate = new();
    private readonly bool _readOnly;
    private RecordSummaryIndex? _summaryIndex; // null until something asks for the summaries
    private volatile RecordSummaries? _summaries;
    private LedgerHead _head;
    private bool _disposed;

    private LedgerStore(string dataDir, LiteDatabase db, StationLock? stationLock, bool readOnly, StateCheck check, TimeProvider time, bool loadSummaries)
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
        ProveState(check, writable: !readOnly); // reads the records through ScanPaged: LiteDB's cache stays one page deep
        if (!readOnly)
        {
            _journal = LedgerJournal.Open(dataDir);
            try
            {
                Replay(_journal.TakeOpenedEntries()); // parsed once, by the open
                if (loadSummaries)
                {
                    RebuildSummariesIfNoFile();
                }
            }
            catch
            {
                _journal.Dispose();
                throw;
            }
            StartApplier();
            _writer = new Thread(WriterLoop) { IsBackground = true, Name = "ledger-writer" };
            _writer.Start();
        }
    }

    public string DataDir { get; }

    /// <summary>Records a read-only scan reads between fresh LiteDB instances (bounded memory for `records list`).</summary>
    // 400: each record sits on a page of its own (~8 KB of cache each), and each page's instance is collected (compacting)
    // before the next. AOT `records list` at 100,000 records peaked at 64.8 MiB with 1,000 and 49.5 MiB with 400, and ran
    // faster (3.9–4.9 s against 6.7 s, same loaded machine): less to compact each time. 5,000 with a Count() had peaked
    // at 120 MB.
    internal const int ScanPage = 400;

    private void Rebind()
    {
        lock (_dbGate)
        {
            _db.Dispose();
            Bind(NewDatabase());
        }
    }

    /// <summary>One read of stored data under the database gate, damage turned into <see cref="StorageEnvironmentException"/> (<see cref="StoredDataException.Read"/>).</summary>
    internal T ReadStored<T>(Func<T> read) => StoredDataException.Read(DataDir, () =>
    {
        lock (_dbGate)
        {
            return read();
        }
    });

    /// <summary>A write outside the ledger (login bookkeeping in Accounts/UserStore), under the database gate.</summary>
    internal void WriteOutsideLedger(Action write)
    {
        lock (_dbGate)
        {
            write();
        }
    }

    /// <summary>A fresh LiteDB instance over station.db, as this store opened it (after a page of a scan, or a failed write).</summary>
    private LiteDatabase NewDatabase() => new(new ConnectionString
    {
        Filename = Path.Combine(DataDir, FileName),
        Connection = ConnectionType.Direct,
        ReadOnly = _readOnly,
    });

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
    /// <param name="loadSummaries">The service, which needs <see cref="Summaries"/> at once: when they must be rebuilt from
    /// every record, that is done as part of the open, paging through LiteDB with bounded memory, which it cannot beside the writer.</param>
    public static LedgerStore Open(string dataDir, bool mustExist = false, bool readOnly = false, TimeProvider? time = null, StateCheck check = StateCheck.Required, bool loadSummaries = false)
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
                return new LedgerStore(dataDir, db, stationLock, liteReadOnly, check, time ?? TimeProvider.System, loadSummaries && !liteReadOnly) { _created = isNew ? new CreatedFiles(newDir) : null };
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
    /// Appends the event that <paramref name="build"/> returns (null: nothing to append). The builder runs against the
    /// latest state, one commit at a time: on the writer thread, or on the caller's when nothing else waits (then the
    /// returned task is complete: the caller waited for the journal fsync itself). Its exception reaches the caller and
    /// nothing is written.
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
        if (!rebuild && TryCommitOnCaller(pending))
        {
            return pending.Done.Task;
        }
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
    /// A builder does not write here: it writes through <see cref="SideWritesOf"/>, so that its writes commit with its
    /// entry or not at all and the batch is acknowledged after them. Writes from any other thread commit on their own.
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
        lock (_dbGate) // a reader may still be on it
        {
            if (faulted)
            {
                ReleaseDatabase(); // the disk is still refusing: LiteDB's log and the journal keep everything for the next open
            }
            else
            {
                _db.Dispose(); // LiteDB drains its write queue, checkpoints and syncs its file
            }
        }
        if (_journal is not null)
        {
            if (!faulted)
            {
                _journal.ClearForClose();
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

    /// <summary>
    /// Applier thread (or the open's and a retry's replay), inside a LiteDB transaction: everything the batch staged, with
    /// the state digest kept in step. Returns the digest of the state as the batch leaves it.
    /// </summary>
    private StateDigest ApplyToDatabase(BatchView view, StateDigest digest)
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
        return SaveProjection(view, digest);
    }

    /// <summary>The last entry LiteDB holds (the acknowledged head may be ahead of it while a batch is unapplied).</summary>
    private LedgerHead DatabaseHead()
    {
        BsonDocument? last;
        lock (_dbGate)
        {
            last = _ledger.Find(Query.All(Query.Descending), limit: 1).FirstOrDefault();
        }
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
        var view = new BatchView(this, databaseOnly: true) { Head = applied };
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
        StateDigest digest;
        lock (_dbGate)
        {
            _db.BeginTrans();
            try
            {
                digest = ApplyToDatabase(view, _digest.Clone());
                _db.Commit();
            }
            catch
            {
                TryRollback(); // a rollback LiteDB cannot make marks the instance as one never to dispose
                throw;
            }
        }
        _digest = digest;
        lock (_headLock)
        {
            if (view.Head.Seq > _head.Seq)
            {
                _head = view.Head;
            }
        }
        RecoveredEntries += missing.Count;
        return view;
    }

    private long StoredCounter(string key) => ReadStored(() => _counters.FindById(key)) is { } doc ? doc["n"].AsInt64 : 0;

    /// <summary>The counter as the acknowledged entries leave it: an unapplied batch's first, then LiteDB's.</summary>
    private long AcknowledgedCounter(string key, bool databaseOnly) =>
        !databaseOnly && _unapplied is { } unapplied && unapplied.Counters.TryGetValue(key, out var n) ? n : StoredCounter(key);

    /// <summary>How many entries were applied from the journal: when the store opened, and by retries after a refused commit.</summary>
    public int RecoveredEntries { get; private set; }

}
