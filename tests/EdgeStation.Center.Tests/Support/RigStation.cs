using EdgeStation.Station.Sync;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Bundle;
using EdgeStation.Sync.V1;
using Google.Protobuf;

namespace EdgeStation.Center.Tests.Support;

/// <summary>
/// One station of a <see cref="FaultRig"/>: its real outbox file and sync client. It produces a mix like a real
/// station's (hourly summaries, health, and ledger digests of a real hash chain, so the center's continuity check runs)
/// and remembers every envelope it produced, by seq, for the exactly-once verdict.
/// </summary>
public sealed class RigStation(StationBundle bundle, string dataDir, TimeProvider time) : IDisposable
{
    private int _ledgerSeq;
    private byte[] _ledgerHash = [.. EdgeStation.Sync.Contract.LedgerChain.Genesis];

    public StationBundle Bundle => bundle;
    public OutboxStore Outbox { get; private set; } = OutboxStore.Open(dataDir, time: time);
    public List<(EnvelopeKind Kind, byte[] Payload)> Produced { get; } = [];

    /// <summary>Puts <paramref name="count"/> more envelopes in the outbox: every third a ledger digest, every fifth health, else hourly.</summary>
    public void Produce(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = Produced.Count + 1;
            var (kind, payload) = n % 3 == 0 ? (OutboxKind.LedgerDigests, NextDigest())
                : n % 5 == 0 ? (OutboxKind.Health, new Health { UptimeSeconds = (ulong)n, DiskFreeBytes = 1_000_000_000 }.ToByteArray())
                : (OutboxKind.HourlySummary, Hourly(n));
            var result = Outbox.Enqueue(kind, payload);
            Assert.Equal(n, result.Seq);
            Produced.Add(((EnvelopeKind)(int)kind, payload));
        }
    }

    /// <summary>One push through whatever the proxy does to it.</summary>
    public Task<PushReport> PushAsync(CancellationToken cancel = default) => new SyncPusher(Outbox, time).PushOnceAsync(bundle, cancel);

    /// <summary>Pushes until the outbox is empty, at most <paramref name="pushes"/> times; the reports, for a failure's message.</summary>
    public async Task<List<PushReport>> DrainAsync(int pushes = 12)
    {
        var reports = new List<PushReport>();
        while (Outbox.Status().Depth > 0 && reports.Count < pushes)
        {
            reports.Add(await PushAsync());
        }
        return reports;
    }

    /// <summary>The station process restarting: the outbox is closed and opened again from its file.</summary>
    public void Restart()
    {
        Outbox.Dispose();
        Outbox = OutboxStore.Open(dataDir, time: time);
    }

    private byte[] NextDigest()
    {
        _ledgerSeq++;
        var content = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"entry {_ledgerSeq}"));
        var hash = EdgeStation.Sync.Contract.LedgerChain.Hash((ulong)_ledgerSeq, _ledgerHash, content);
        _ledgerHash = hash;
        var digests = new LedgerDigests();
        digests.Entries.Add(new LedgerDigest { Seq = (ulong)_ledgerSeq, ContentDigest = ByteString.CopyFrom(content), Hash = ByteString.CopyFrom(hash) });
        return digests.ToByteArray();
    }

    private static byte[] Hourly(int n) => new HourlySummary
    {
        PeriodStart = CenterRun.Start.AddHours(n).ToUnixTimeMilliseconds(),
        PeriodEnd = CenterRun.Start.AddHours(n + 1).ToUnixTimeMilliseconds(),
        Figures = new Figures
        {
            AsOfDate = 20261201,
            Streaks = new StreakDays { NoCases = (uint)(200 + n), NoEscalatedPetitions = 200, NoLawsuits = 512, NoCults = 640 },
            SafetyIndex = new SafetyIndex { IndexCenti = 9000 + (uint)(n % 900) },
        },
    }.ToByteArray();

    public void Dispose() => Outbox.Dispose();
}
