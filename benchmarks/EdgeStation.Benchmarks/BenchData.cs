using System.Globalization;
using EdgeStation.Domain.Demo;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Deterministic benchmark data: the demo seeder's realistic village-years (disputes through their whole loop,
/// petitions with deadlines, extensions, repeats and ratings, a case a year, a grid event most days), for as many
/// demo villages as it takes, written through <see cref="LedgerStore.AppendMany"/> exactly as `records seed-demo`
/// writes them. The clock is fixed, so the same size gives the same ledger.
/// </summary>
public static class BenchData
{
    /// <summary>Bumped whenever the generator changes, so stale cached data dirs are rebuilt.</summary>
    public const int GeneratorVersion = 2;

    /// <summary>"Now" for all generated data: 2026-11-20 12:00 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);

    /// <summary>The day the indicators are computed for.</summary>
    public static readonly DateOnly Today = new(2026, 11, 20);

    public static readonly DateOnly StationStart = new(2025, 1, 1);

    /// <summary>Two years per demo village: all of 2025 and 2026 up to <see cref="Now"/>.</summary>
    private static readonly int[] Years = [2025, 2026];

    private const int Chunk = 20_000;

    public static StationSettings Settings { get; } = new();

    /// <summary>What to generate: stop at this many records (creates), or at this many ledger entries, whichever comes first.</summary>
    public readonly record struct Size(long MaxRecords, long MaxEntries)
    {
        public static Size Records(long n) => new(n, long.MaxValue);

        public static Size Entries(long n) => new(long.MaxValue, n);

        public string Key => MaxEntries == long.MaxValue
            ? $"records-{MaxRecords.ToString(CultureInfo.InvariantCulture)}"
            : $"entries-{MaxEntries.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// A data dir holding a ledger of <paramref name="size"/> under <paramref name="root"/>, built on first use
    /// and reused while the generator and the Storage/Domain assemblies are unchanged (a marker file holds that key).
    /// </summary>
    public static string Ensure(string root, Size size, TextWriter? log = null) => EnsureAt(Path.Combine(root, size.Key), size, log);

    /// <summary>A data dir at <paramref name="dir"/> holding a ledger of <paramref name="size"/>; rebuilt when stale.</summary>
    public static string EnsureAt(string dir, Size size, TextWriter? log = null)
    {
        dir = Path.GetFullPath(dir);
        if (IsCurrent(dir, size))
        {
            log?.WriteLine($"{dir} is up to date ({size.Key})");
            return dir;
        }
        var staging = dir + ".building-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        var (records, entries, seconds) = Fill(staging, size);
        log?.WriteLine($"built {dir}: {records} records, {entries} ledger entries in {seconds:0.0} s");
        File.WriteAllText(Path.Combine(staging, MarkerFile), CacheKey(size) + "\n");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.Move(staging, dir);
        return dir;
    }

    /// <summary>Where cached data dirs live: $EDGESTATION_BENCH_DATA, else artifacts/bench/data of the repository, else /tmp.</summary>
    public static string DefaultRoot()
    {
        if (Environment.GetEnvironmentVariable("EDGESTATION_BENCH_DATA") is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }
        return RepositoryRoot() is { } root
            ? Path.Combine(root, "artifacts", "bench", "data")
            : Path.Combine(Path.GetTempPath(), "edgestation-bench-data");
    }

    /// <summary>Fills an empty data dir. Returns the record and entry counts and the seconds it took.</summary>
    public static (int Records, long Entries, double Seconds) Fill(string dataDir, Size size)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var store = LedgerStore.Open(dataDir);
        if (store.Head.Seq > 0)
        {
            throw new InvalidOperationException($"{dataDir} already holds {store.Head.Seq} ledger entries; give an empty or new directory");
        }
        var commands = new RecordCommands(Settings);
        var batch = new List<Func<ILedgerView, RecordEvent?>>(Chunk);
        foreach (var build in Builders(commands, size))
        {
            batch.Add(build);
            if (batch.Count == Chunk)
            {
                store.AppendMany(batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
        {
            store.AppendMany(batch);
        }
        return (store.RecordCount(), store.Head.Seq, started.Elapsed.TotalSeconds);
    }

    /// <summary>The station's first entry, then the demo villages' steps in order, cut at <paramref name="size"/>.</summary>
    public static IEnumerable<Func<ILedgerView, RecordEvent?>> Builders(RecordCommands commands, Size size)
    {
        long entries = 1;
        long records = 0;
        yield return _ => StationEvent();
        for (var village = 1; ; village++)
        {
            foreach (var year in Years)
            {
                var name = "bench-" + village.ToString("D4", CultureInfo.InvariantCulture);
                var until = year < Now.Year ? new DateTimeOffset(year, 12, 31, 15, 59, 0, TimeSpan.Zero) : Now;
                var steps = DemoSeeder.Generate(name, year, until, Settings);
                // Step number of a create (DemoStep.CreatedBy) → the id allocated for it; which creates were kept.
                var ids = new Dictionary<int, string>();
                var included = new HashSet<int>();
                foreach (var step in steps)
                {
                    if (entries >= size.MaxEntries)
                    {
                        yield break;
                    }
                    if (step.Action is null)
                    {
                        if (records >= size.MaxRecords)
                        {
                            continue;
                        }
                        records++;
                        included.Add(step.CreatedBy);
                    }
                    else if (!included.Contains(step.CreatedBy))
                    {
                        continue;
                    }
                    entries++;
                    yield return DemoAppend.Builder(commands, step, ids);
                }
                if (records >= size.MaxRecords)
                {
                    yield break;
                }
            }
        }
    }

    public static RecordEvent StationEvent() => new()
    {
        Type = RecordEvent.StationType,
        RecordId = "station",
        Action = RecordEvent.StationInit,
        Actor = "bench",
        At = RecordEvent.Truncate(new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero)),
        Fields = new(StringComparer.Ordinal)
        {
            [FieldKeys.StartDate] = FieldValue.Of(StationStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            [FieldKeys.Village] = FieldValue.Of("基准村"),
            ["timeZone"] = FieldValue.Of(Settings.TimeZone),
        },
    };

    /// <summary>The raw fields of one dispute, as `records add dispute` would pass them.</summary>
    public static IReadOnlyDictionary<string, string> DisputeFields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FieldKeys.Category] = "neighbours",
        [FieldKeys.Parties] = "2",
        [FieldKeys.Grid] = "grid-2",
        [FieldKeys.Location] = "三组王家院坝",
        [FieldKeys.Summary] = "邻里因宅基地边界发生争执, 双方情绪激动, 网格员到场劝解",
        [FieldKeys.PartyNames] = "王某、李某",
        [FieldKeys.Phone] = "13800138000",
    };

    private const string MarkerFile = "bench-data.key";

    private static bool IsCurrent(string dir, Size size)
    {
        var marker = Path.Combine(dir, MarkerFile);
        return File.Exists(marker)
            && File.Exists(Path.Combine(dir, LedgerStore.FileName))
            && File.ReadAllText(marker).Trim() == CacheKey(size);
    }

    /// <summary>
    /// The generator version, the size and a digest of the Domain and Storage sources (found from the working
    /// directory, which BenchmarkDotNet's child processes also run under). Assembly MVIDs would not do: the
    /// child processes build the same sources into another folder, and the PDB path is part of the MVID.
    /// </summary>
    private static string CacheKey(Size size) =>
        string.Join(' ',
            size.Key,
            "generator=" + GeneratorVersion.ToString(CultureInfo.InvariantCulture),
            "sources=" + SourceDigest.Value);

    private static readonly Lazy<string> SourceDigest = new(() =>
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            return "mvid-" + typeof(LedgerStore).Assembly.ManifestModule.ModuleVersionId.ToString("N")
                + typeof(RecordCommands).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var project in new[] { "EdgeStation.Domain", "EdgeStation.Storage" })
        {
            var dir = Path.Combine(root, "src", project);
            var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
                sha.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    });

    private static string? RepositoryRoot()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "EdgeStation.sln")) && Directory.Exists(Path.Combine(d.FullName, "src")))
            {
                return d.FullName;
            }
        }
        return null;
    }
}
