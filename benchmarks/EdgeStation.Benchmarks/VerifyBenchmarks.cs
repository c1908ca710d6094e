using BenchmarkDotNet.Attributes;
using EdgeStation.Storage.Ledger;
using LiteDB;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Target 2: `records verify` of 100,000 entries ≤ 1 s: <see cref="LedgerVerifier.Verify"/> over
/// <see cref="LedgerStore.Entries"/>. Floors: enumerating the same entries without verifying, and a bare LiteDB
/// FindAll over the same documents. The ledger is built once (AppendMany) and cached between processes.
/// </summary>
[Config(typeof(BulkConfig))]
public class VerifyBenchmarks
{
    private string _dataDir = "";
    private LedgerStore? _store;
    private LiteDatabase? _bare;

    [GlobalSetup(Targets = [nameof(Verify), nameof(EnumerateEntries), nameof(HashChainOnly)])]
    public void OpenStore()
    {
        _dataDir = BenchData.Ensure(BenchData.DefaultRoot(), BenchData.Size.Entries(BenchSettings.Size), Console.Out);
        _store = LedgerStore.Open(_dataDir, readOnly: true);
        if (_store.Head.Seq != BenchSettings.Size)
        {
            throw new InvalidOperationException($"{_dataDir} holds {_store.Head.Seq} entries, not {BenchSettings.Size}");
        }
    }

    [GlobalSetup(Target = nameof(BareFindAll))]
    public void OpenBare()
    {
        _dataDir = BenchData.Ensure(BenchData.DefaultRoot(), BenchData.Size.Entries(BenchSettings.Size), Console.Out);
        _bare = new LiteDatabase(new ConnectionString
        {
            Filename = Path.Combine(_dataDir, LedgerStore.FileName),
            Connection = ConnectionType.Direct,
            ReadOnly = true,
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _bare?.Dispose();
    }

    [Benchmark]
    public long Verify()
    {
        var result = LedgerVerifier.Verify(_store!.Entries());
        return result.Ok ? result.EntriesChecked : throw new InvalidOperationException(result.Problem);
    }

    /// <summary>Floor: read and map every entry (what verify cannot avoid), hash nothing.</summary>
    [Benchmark]
    public long EnumerateEntries()
    {
        long n = 0;
        foreach (var e in _store!.Entries())
        {
            n += e.Seq > 0 ? 1 : 0;
        }
        return n;
    }

    /// <summary>
    /// Breakdown, not a floor: the two SHA-256 checks and the chain link per entry, without the canonical-form
    /// check (decode to a RecordEvent and re-encode) that Verify also does. Verify minus this is that check's cost.
    /// </summary>
    [Benchmark]
    public long HashChainOnly()
    {
        var previous = LedgerHead.Empty;
        foreach (var e in _store!.Entries())
        {
            if (e.Seq != previous.Seq + 1
                || e.PrevHash != previous.Hash
                || LedgerHasher.ContentDigest(e.Content) != e.ContentDigest
                || LedgerHasher.ChainHash(e.Seq, e.PrevHash, e.ContentDigest) != e.Hash)
            {
                throw new InvalidOperationException($"entry {e.Seq} does not verify");
            }
            previous = new LedgerHead(e.Seq, e.Hash);
        }
        return previous.Seq;
    }

    /// <summary>Floor: LiteDB's own cost of returning every ledger document.</summary>
    [Benchmark]
    public long BareFindAll()
    {
        long n = 0;
        foreach (var doc in _bare!.GetCollection("ledger").FindAll())
        {
            n += doc.Count > 0 ? 1 : 0;
        }
        return n;
    }
}
