using BenchmarkDotNet.Attributes;
using EdgeStation.Storage.Ledger;
using LiteDB;

namespace EdgeStation.Benchmarks;

/// <summary>
/// What proving the stored state costs every open (issue 14: the state digest recomputed over the records, users and
/// counters collections and compared with the one kept beside the head): <see cref="LedgerStore.Open"/> read-only and
/// closed again, over 100,000 records. Floor: a bare LiteDB FindAll over the same records documents, which the proof
/// cannot avoid.
/// </summary>
[Config(typeof(BulkConfig))]
public class OpenBenchmarks
{
    private string _dataDir = "";
    private LiteDatabase? _bare;

    [GlobalSetup(Target = nameof(OpenProven))]
    public void Prepare() =>
        _dataDir = BenchData.Ensure(BenchData.DefaultRoot(), BenchData.Size.Records(BenchSettings.Size), Console.Out);

    [GlobalSetup(Target = nameof(BareFindAllRecords))]
    public void OpenBare()
    {
        Prepare();
        _bare = new LiteDatabase(new ConnectionString
        {
            Filename = Path.Combine(_dataDir, LedgerStore.FileName),
            Connection = ConnectionType.Direct,
            ReadOnly = true,
        });
    }

    [GlobalCleanup]
    public void Cleanup() => _bare?.Dispose();

    [Benchmark]
    public long OpenProven()
    {
        using var store = LedgerStore.Open(_dataDir, readOnly: true);
        return store.StateProof == "digest" ? store.Head.Seq : throw new InvalidOperationException($"state proven by '{store.StateProof}', not the digest");
    }

    /// <summary>Floor: LiteDB's own cost of returning every record document.</summary>
    [Benchmark]
    public long BareFindAllRecords()
    {
        long n = 0;
        foreach (var doc in _bare!.GetCollection("records").FindAll())
        {
            n += doc.Count > 0 ? 1 : 0;
        }
        return n;
    }
}
