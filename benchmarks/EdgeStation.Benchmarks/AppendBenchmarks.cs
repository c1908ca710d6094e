using BenchmarkDotNet.Attributes;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;
using LiteDB;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Target 1: a durable append (one dispute created through <see cref="RecordCommands"/>, as RecordService.Add
/// does, acknowledged after its commit) p50 ≤ 2 ms, p99 ≤ 10 ms, on a real file. Floors in the same run: a bare
/// LiteDB insert+commit of a similar-sized document in another file, and a raw 200-byte write+fsync. Two more floors
/// say where the rest goes (issue 19): the same 200 bytes written over a file written full of zeros ahead (what the
/// journal does since issue 19), and the documents one append stores (entry, record, id counter, state digest) put
/// into bare LiteDB in one transaction: what the applier cannot do for less.
/// </summary>
[Config(typeof(LatencyConfig))]
public class AppendBenchmarks
{
    private string _dir = "";
    private LedgerStore? _store;
    private RecordCommands? _commands;
    private LiteDatabase? _bare;
    private ILiteCollection<BsonDocument>? _bareLedger;
    private LedgerEntry? _template;
    private long _bareSeq;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _raw;
    private readonly byte[] _rawBytes = new byte[200];
    private long _rawOffset;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _preallocated;
    private long _preallocatedOffset;
    private const int PreallocatedBytes = 4 * 1024 * 1024;
    private LiteDatabase? _projection;
    private long _projectionSeq;

    [GlobalSetup]
    public void Setup()
    {
        _dir = BenchPaths.NewTempDir("append");
        _commands = new RecordCommands(BenchData.Settings);
        _store = LedgerStore.Open(Path.Combine(_dir, "station"));
        _store.Append(_ => BenchData.StationEvent());
        // One real entry gives the floor document its realistic size.
        _template = Add().Entry;

        _bare = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_dir, "bare.db"), Connection = ConnectionType.Direct });
        _bareLedger = _bare.GetCollection("ledger");
        _bareLedger.EnsureIndex("recordId");

        _raw = File.OpenHandle(Path.Combine(_dir, "raw.bin"), FileMode.CreateNew, FileAccess.Write);
        Random.Shared.NextBytes(_rawBytes);

        _preallocated = File.OpenHandle(Path.Combine(_dir, "preallocated.bin"), FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(_preallocated, new byte[PreallocatedBytes], 0);
        RandomAccess.FlushToDisk(_preallocated);

        _projection = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_dir, "projection.db"), Connection = ConnectionType.Direct });
        _projection.GetCollection("ledger").EnsureIndex("recordId");
        _projection.GetCollection("records").EnsureIndex("type");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _bare?.Dispose();
        _raw?.Dispose();
        _preallocated?.Dispose();
        _projection?.Dispose();
        BenchPaths.Delete(_dir);
    }

    /// <summary>`records add dispute`: validate, allocate the id, hash-chain, project and commit; wait for the ack.</summary>
    [Benchmark]
    public AppendResult DurableAppend() => Add();

    /// <summary>Floor: one LiteDB insert of a ledger-entry-sized document and its commit, nothing else.</summary>
    [Benchmark]
    public BsonValue LiteDbInsertCommit()
    {
        var e = _template!;
        _bare!.BeginTrans();
        var seq = ++_bareSeq;
        var id = _bareLedger!.Insert(BareEntry(seq, e));
        _bare.Commit();
        return id;
    }

    /// <summary>Floor: append 200 bytes to a file and fsync it: what one durable write costs on this disk.</summary>
    [Benchmark]
    public long RawWriteFsync()
    {
        RandomAccess.Write(_raw!, _rawBytes, _rawOffset);
        RandomAccess.FlushToDisk(_raw!);
        return _rawOffset += _rawBytes.Length;
    }

    /// <summary>Floor: the same 200 bytes written over a file written full of zeros ahead, and fsync'ed: the journal's own floor.</summary>
    [Benchmark]
    public long PreallocatedWriteFsync()
    {
        RandomAccess.Write(_preallocated!, _rawBytes, _preallocatedOffset);
        RandomAccess.FlushToDisk(_preallocated!);
        _preallocatedOffset = (_preallocatedOffset + _rawBytes.Length) % (PreallocatedBytes - _rawBytes.Length);
        return _preallocatedOffset;
    }

    /// <summary>
    /// Floor: the documents one dispute create stores, in bare LiteDB, one transaction: the ledger entry (recordId index),
    /// the record (type index), its id counter read and upserted, the state digest upserted. No hashing, no projection.
    /// </summary>
    [Benchmark]
    public BsonValue LiteDbProjectionCommit()
    {
        var e = _template!;
        var db = _projection!;
        var seq = ++_projectionSeq;
        db.BeginTrans();
        db.GetCollection("ledger").Insert(BareEntry(seq, e));
        db.GetCollection("records").Insert(new BsonDocument
        {
            ["_id"] = BareRecordId(seq),
            ["type"] = "dispute",
            ["content"] = e.Content,
        });
        var counters = db.GetCollection("counters");
        var n = counters.FindById("DS-2026") is { } counter ? counter["n"].AsInt64 : 0;
        counters.Upsert(new BsonDocument { ["_id"] = "DS-2026", ["n"] = n + 1 });
        db.GetCollection("state").Upsert(new BsonDocument
        {
            ["_id"] = "state",
            ["seq"] = seq,
            ["hash"] = e.Hash,
            ["records"] = e.ContentDigest,
            ["users"] = e.ContentDigest,
            ["counters"] = e.ContentDigest,
        });
        db.Commit();
        return seq;
    }

    internal static string BareRecordId(long seq) => "DS-2026-" + seq.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The floors' document: a ledger entry's fields under seq <paramref name="seq"/>, as the ledger stores one.</summary>
    internal static BsonDocument BareEntry(long seq, LedgerEntry e) => new()
    {
        ["_id"] = seq,
        ["recordId"] = BareRecordId(seq), // distinct, like the ledger's: equal keys would make the index walk a chain
        ["content"] = e.Content,
        ["digest"] = e.ContentDigest,
        ["prev"] = e.PrevHash,
        ["hash"] = e.Hash,
    };

    private AppendResult Add() => AddDispute(_store!, _commands!);

    /// <summary>One durable dispute create, as `records add dispute` makes it (the id allocated on the writer thread).</summary>
    internal static AppendResult AddDispute(LedgerStore store, RecordCommands commands)
    {
        var now = TimeProvider.System.GetUtcNow();
        return store.Append(view =>
        {
            var id = view.NextRecordId(RecordType.Dispute, commands.Time.LocalDate(now).Year);
            return commands.Create(RecordType.Dispute, id, BenchData.DisputeFields, "cli:bench", now, view.Find);
        })!;
    }
}

/// <summary>
/// Group commit: 64 appends issued at once through AppendAsync and awaited together, reported per append.
/// Floor: the same number of bare LiteDB inserts in one transaction (the best a single commit can do).
/// </summary>
[Config(typeof(BurstConfig))]
public class GroupCommitBenchmarks
{
    public const int Burst = 64;

    private string _dir = "";
    private LedgerStore? _store;
    private RecordCommands? _commands;
    private LiteDatabase? _bare;
    private ILiteCollection<BsonDocument>? _bareLedger;
    private LedgerEntry? _template;
    private long _bareSeq;
    private readonly Task<AppendResult?>[] _tasks = new Task<AppendResult?>[Burst];

    [GlobalSetup]
    public void Setup()
    {
        _dir = BenchPaths.NewTempDir("group");
        _commands = new RecordCommands(BenchData.Settings);
        _store = LedgerStore.Open(Path.Combine(_dir, "station"));
        _store.Append(_ => BenchData.StationEvent());
        _template = AddAsync().GetAwaiter().GetResult()!.Entry;
        _bare = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_dir, "bare.db"), Connection = ConnectionType.Direct });
        _bareLedger = _bare.GetCollection("ledger");
        _bareLedger.EnsureIndex("recordId");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _bare?.Dispose();
        BenchPaths.Delete(_dir);
    }

    [Benchmark(OperationsPerInvoke = Burst)]
    public async Task<int> ConcurrentAppends64()
    {
        for (var i = 0; i < Burst; i++)
        {
            _tasks[i] = AddAsync();
        }
        var results = await Task.WhenAll(_tasks).ConfigureAwait(false);
        return results.Length;
    }

    [Benchmark(OperationsPerInvoke = Burst)]
    public int LiteDbInsert64OneCommit()
    {
        var e = _template!;
        _bare!.BeginTrans();
        for (var i = 0; i < Burst; i++)
        {
            var seq = ++_bareSeq;
            _bareLedger!.Insert(AppendBenchmarks.BareEntry(seq, e));
        }
        _bare.Commit();
        return Burst;
    }

    private Task<AppendResult?> AddAsync()
    {
        var commands = _commands!;
        var now = TimeProvider.System.GetUtcNow();
        return _store!.AppendAsync(view =>
        {
            var id = view.NextRecordId(RecordType.Dispute, commands.Time.LocalDate(now).Year);
            return commands.Create(RecordType.Dispute, id, BenchData.DisputeFields, "api:bench", now, view.Find);
        });
    }
}

/// <summary>
/// Target 1 again, on a station that already holds the 100,000-record ledger (a copy of the cached data dir):
/// the indexes are deep and a dispute's "type" key is shared by ~19,000 records, as on a long-running box.
/// </summary>
[Config(typeof(LatencyConfig))]
public class AppendOnFullStoreBenchmarks
{
    private string _dir = "";
    private LedgerStore? _store;
    private RecordCommands? _commands;

    [GlobalSetup]
    public void Setup()
    {
        var source = BenchData.Ensure(BenchData.DefaultRoot(), BenchData.Size.Records(BenchSettings.Size), Console.Out);
        _dir = BenchPaths.NewTempDir("append-full");
        var copy = Path.Combine(_dir, LedgerStore.FileName);
        File.Copy(Path.Combine(source, LedgerStore.FileName), copy);
        // Write the copy out now: otherwise the first fsyncs measured would flush the whole copied file.
        using (var handle = File.OpenHandle(copy, FileMode.Open, FileAccess.ReadWrite))
        {
            RandomAccess.FlushToDisk(handle);
        }
        _commands = new RecordCommands(BenchData.Settings);
        _store = LedgerStore.Open(_dir, mustExist: true);
        Console.WriteLine($"// appending after {_store.Head.Seq} entries, {_store.RecordCount()} records");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        BenchPaths.Delete(_dir);
    }

    [Benchmark]
    public AppendResult DurableAppendOnFullStore() => AppendBenchmarks.AddDispute(_store!, _commands!);
}

internal static class BenchPaths
{
    /// <summary>A fresh directory on the same disk the data would live on ($EDGESTATION_BENCH_TMP, else the temp dir).</summary>
    public static string NewTempDir(string what)
    {
        var root = Environment.GetEnvironmentVariable("EDGESTATION_BENCH_TMP") is { Length: > 0 } t ? t : Path.GetTempPath();
        var dir = Path.Combine(root, $"edgestation-bench-{what}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void Delete(string dir)
    {
        try
        {
            if (dir.Length > 0 && Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp dir is not worth failing a benchmark run over.
        }
    }
}
