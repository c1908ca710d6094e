using BenchmarkDotNet.Attributes;
using EdgeStation.Center.Hosting;
using EdgeStation.Center.Ingest;
using EdgeStation.Center.Storage;
using EdgeStation.Center.Storage.Postgres;
using EdgeStation.Center.Tests.Support;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace EdgeStation.Benchmarks;

/// <summary>
/// Issue 16: the center's ingest, envelopes per second, on each store: a station's backlog of hourly summaries through
/// <see cref="IngestService"/> in batches of <see cref="StationSyncService.MaxBatch"/> (what one stream's group commit
/// hands it), beside the floor of the same run: the same rows written bare, one transaction per batch (PostgreSQL:
/// binary COPY into envelope_keys and envelopes; LiteDB: InsertBulk into a collection with the same index). Both on
/// the benchmark disk, durable settings (PostgreSQL fsync on). One operation = one envelope.
/// </summary>
[Config(typeof(BulkConfig))]
public class CenterIngestBenchmarks
{
    public const int Batches = 10;
    public const int PerIteration = Batches * StationSyncService.MaxBatch;
    private const string Station = "bench-village";
    private const string FloorStation = "bench-floor";

    private string _dir = null!;
    private PostgresServer? _postgres;
    private ICenterStore _store = null!;
    private IngestService _ingest = null!;
    private LiteDatabase? _floorLite;
    private NpgsqlDataSource? _floorPostgres;
    private List<List<Envelope>> _batches = [];
    private ulong _seq;
    private ulong _floorSeq;

    [Params("LiteDB", "PostgreSQL")]
    public string Store { get; set; } = "LiteDB";

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("EDGESTATION_BENCH_TMP") is { Length: > 0 } tmp ? tmp : Path.GetTempPath();
        _dir = Path.Combine(Path.GetFullPath(root), $"center-ingest-{Environment.ProcessId}");
        Directory.CreateDirectory(_dir);
        if (Store == "PostgreSQL")
        {
            _postgres = PostgresServer.Durable(Path.Combine(_dir, "pg"));
            var database = _postgres.CreateDatabase();
            _store = PostgresCenterStore.Open(database, TimeProvider.System);
            _floorPostgres = NpgsqlDataSource.Create(database);
        }
        else
        {
            _store = LiteCenterStore.Open(Path.Combine(_dir, "center"), mustExist: false);
            _floorLite = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_dir, "floor.db"), Connection = ConnectionType.Direct });
            _floorLite.GetCollection("envelopes").EnsureIndex("stationId");
            _floorLite.GetCollection("envelopes").EnsureIndex("made", LiteCenterStore.MadeExpression); // the same indexes as the store's
        }
        var now = DateTimeOffset.UtcNow;
        _store.Enroll(Station, "基准村", "01", now);
        _ingest = new IngestService(_store, TimeProvider.System, new CenterMetrics(), NullLogger<IngestService>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _floorLite?.Dispose();
        _floorPostgres?.Dispose();
        _postgres?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The next backlog: hourly summaries like a station's, seqs after the last iteration's.</summary>
    [IterationSetup]
    public void NextBacklog()
    {
        _batches = [];
        for (var b = 0; b < Batches; b++)
        {
            var batch = new List<Envelope>(StationSyncService.MaxBatch);
            for (var i = 0; i < StationSyncService.MaxBatch; i++)
            {
                _seq++;
                batch.Add(SyncContract.Wrap(Station, _seq, EnvelopeKind.HourlySummary, DateTimeOffset.UtcNow, Summary(_seq)));
            }
            _batches.Add(batch);
        }
    }

    [Benchmark(OperationsPerInvoke = PerIteration)]
    public void Ingest()
    {
        foreach (var batch in _batches)
        {
            var acks = _ingest.Ingest(Station, batch);
            if (acks[^1].Status != AckStatus.Accepted)
            {
                throw new InvalidOperationException($"envelope {acks[^1].Seq} answered {acks[^1].Status}/{acks[^1].Reason}");
            }
        }
    }

    /// <summary>The same rows with nothing but the writes: no checks, no station row, no continuity.</summary>
    [Benchmark(OperationsPerInvoke = PerIteration)]
    public void Floor()
    {
        foreach (var batch in _batches)
        {
            if (_floorPostgres is not null)
            {
                FloorPostgres(batch);
            }
            else
            {
                FloorLite(batch);
            }
        }
    }

    private void FloorLite(List<Envelope> batch)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var documents = new List<BsonDocument>(batch.Count);
        foreach (var e in batch)
        {
            _floorSeq++;
            documents.Add(new BsonDocument
            {
                ["_id"] = $"{FloorStation}/{_floorSeq:D20}",
                ["stationId"] = FloorStation,
                ["seq"] = (long)_floorSeq,
                ["kind"] = (int)e.Kind,
                ["createdAt"] = e.CreatedAt,
                ["contractVersion"] = (long)e.ContractVersion,
                ["payload"] = e.Payload.ToByteArray(),
                ["receivedAt"] = now,
                ["understood"] = true,
            });
        }
        _floorLite!.BeginTrans();
        _floorLite.GetCollection("envelopes").InsertBulk(documents);
        _floorLite.Commit();
    }

    private void FloorPostgres(List<Envelope> batch)
    {
        var now = DateTimeOffset.UtcNow;
        var first = _floorSeq + 1;
        using var connection = _floorPostgres!.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using (var keys = connection.BeginBinaryImport("COPY envelope_keys (station_id, seq, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                keys.StartRow();
                keys.Write(FloorStation, NpgsqlDbType.Text);
                keys.Write((long)(first + (ulong)i), NpgsqlDbType.Bigint);
                keys.Write(now, NpgsqlDbType.TimestampTz);
            }
            keys.Complete();
        }
        using (var rows = connection.BeginBinaryImport("COPY envelopes (station_id, seq, kind, created_at_ms, contract_version, payload, received_at, understood) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in batch)
            {
                _floorSeq++;
                rows.StartRow();
                rows.Write(FloorStation, NpgsqlDbType.Text);
                rows.Write((long)_floorSeq, NpgsqlDbType.Bigint);
                rows.Write((int)e.Kind, NpgsqlDbType.Integer);
                rows.Write(e.CreatedAt, NpgsqlDbType.Bigint);
                rows.Write((long)e.ContractVersion, NpgsqlDbType.Bigint);
                rows.Write(e.Payload.ToByteArray(), NpgsqlDbType.Bytea);
                rows.Write(now, NpgsqlDbType.TimestampTz);
                rows.Write(true, NpgsqlDbType.Boolean);
            }
            rows.Complete();
        }
        transaction.Commit();
    }

    private static HourlySummary Summary(ulong seq) => new()
    {
        PeriodStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        PeriodEnd = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds(),
        Figures = new Figures
        {
            AsOfDate = 20261201,
            Streaks = new StreakDays { NoCases = (uint)(seq % 300), NoEscalatedPetitions = 200, NoLawsuits = 512, NoCults = 640 },
            FourNothing = new FourNothing { Year = 2026, Achieved = true },
            SafetyIndex = new SafetyIndex { IndexCenti = 9000 + (uint)(seq % 900) },
            Disputes = new DisputeCounts { Red = 1, Open = 3, Resolved = 40 },
        },
    };
}
