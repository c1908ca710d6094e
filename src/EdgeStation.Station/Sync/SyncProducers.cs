using EdgeStation.Station.Cameras;
using EdgeStation.Station.Records;
using EdgeStation.Storage.Ledger;
using EdgeStation.Storage.Outbox;
using EdgeStation.Sync.Contract;
using EdgeStation.Sync.Summaries;
using EdgeStation.Sync.V1;
using Google.Protobuf;
using VerifyResult = EdgeStation.Sync.V1.VerifyResult;

namespace EdgeStation.Station.Sync;

/// <summary>
/// Fills the outbox from what the station already knows, on the injected clock: the ledger's digests past a cursor,
/// an hourly summary, the cameras' counts of each hour, the close of each local day, and health. Every payload is counts, rates, streaks, digests and
/// health only (ARCHITECTURE invariant 2; docs/privacy.md lists the fields). Each producer's cursor moves in the same
/// transaction as its entry, so a crash neither repeats nor skips one; a refused enqueue (outbox full) stops producing
/// and leaves the cursor where it was, to try again once the center has acknowledged some.
/// </summary>
public sealed class SyncProducers(RecordService records, OutboxStore outbox, TimeProvider time, IReadOnlyList<CameraHourlyCounts>? cameras = null)
{
    public const string DigestCursor = "ledger-digests";
    public const string HourlyCursor = "hourly-summary";
    public const string DailyCursor = "daily-close";
    public const string HealthCursor = "health";
    public const string CameraCursor = "camera-counts";

    /// <summary>Ledger entries per digest envelope: 500 × 72 bytes, a 36 KB payload.</summary>
    public const int DigestsPerEnvelope = 500;

    /// <summary>How often health is sent (it is the one kind a full outbox may drop).</summary>
    public static readonly TimeSpan HealthInterval = TimeSpan.FromMinutes(15);

    /// <summary>Days a returning station closes at most, the newest ones (30 days offline are caught up whole).</summary>
    public const int MaxDaysToClose = 62;

    private static readonly long StartedTicks = Environment.TickCount64;

    private LedgerStore Store => records.Store;

    /// <summary>The last chain check the digest producer made: entry hashes recomputed as they are digested.</summary>
    public (VerifyResult Result, DateTimeOffset At)? LastChainCheck { get; private set; }

    /// <summary>The station's clock minus the center's, as the last push measured it.</summary>
    public long ClockOffsetMs { get; set; }

    /// <summary>Runs every producer that is due; false when the outbox refused an entry (full).</summary>
    public bool ProduceDue()
    {
        var ok = Digests() && DailyCloses() && Hourly() && CameraHours();
        return Health() && ok;
    }

    /// <summary>Every ledger entry past the cursor as (seq, contentDigest, hash), in envelopes of <see cref="DigestsPerEnvelope"/>.</summary>
    public bool Digests()
    {
        var after = outbox.Cursor(DigestCursor) ?? 0;
        if (Store.Head.Seq <= after)
        {
            return true;
        }
        var batch = new LedgerDigests();
        var prev = after;
        foreach (var entry in Store.Entries(after))
        {
            if (!ChainHolds(entry))
            {
                LastChainCheck = (VerifyResult.Tampered, time.GetUtcNow());
                break; // the center must not be told a broken chain is this station's; verify names the entry
            }
            batch.Entries.Add(new LedgerDigest
            {
                Seq = (ulong)entry.Seq,
                ContentDigest = LedgerAnchors.Hash(entry.ContentDigest),
                Hash = LedgerAnchors.Hash(entry.Hash),
            });
            prev = entry.Seq;
            if (batch.Entries.Count == DigestsPerEnvelope)
            {
                if (!Enqueue(OutboxKind.LedgerDigests, batch, DigestCursor, prev))
                {
                    return false;
                }
                batch = new LedgerDigests();
            }
        }
        if (batch.Entries.Count > 0 && !Enqueue(OutboxKind.LedgerDigests, batch, DigestCursor, prev))
        {
            return false;
        }
        if (LastChainCheck?.Result != VerifyResult.Tampered)
        {
            LastChainCheck = (VerifyResult.Intact, time.GetUtcNow());
        }
        return true;
    }

    private static bool ChainHolds(LedgerEntry e) =>
        LedgerHasher.ContentDigest(e.Content) == e.ContentDigest
        && Convert.ToHexStringLower(LedgerChain.Hash((ulong)e.Seq, Convert.FromHexString(e.PrevHash), Convert.FromHexString(e.ContentDigest))) == e.Hash;

    /// <summary>The figures of the hour that just ended, once per hour (hours the station was off are not made up).</summary>
    public bool Hourly()
    {
        var now = time.GetUtcNow();
        var hourEnd = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var endMs = hourEnd.ToUnixTimeMilliseconds();
        if (outbox.Cursor(HourlyCursor) is { } last && last >= endMs)
        {
            return true;
        }
        var head = Store.Head;
        var summary = new HourlySummary
        {
            PeriodStart = hourEnd.AddHours(-1).ToUnixTimeMilliseconds(),
            PeriodEnd = endMs,
            Figures = Figures(records.Today()),
        };
        if (head.Seq > 0)
        {
            summary.LedgerHead = LedgerAnchors.Head(head.Seq, head.Hash);
        }
        return Enqueue(OutboxKind.HourlySummary, summary, HourlyCursor, endMs);
    }

    /// <summary>
    /// The cameras' counts of the hour that just ended (<see cref="CameraCountsMapper"/>), once per hour, when the station
    /// has cameras; like the hourly summary, hours the station was off are not made up.
    /// </summary>
    public bool CameraHours()
    {
        if (cameras is not { Count: > 0 })
        {
            return true;
        }
        var now = time.GetUtcNow();
        var hourEnd = CameraHourlyCounts.HourOf(now);
        var endMs = hourEnd.ToUnixTimeMilliseconds();
        if (outbox.Cursor(CameraCursor) is { } last && last >= endMs)
        {
            return true;
        }
        return Enqueue(OutboxKind.CameraCounts, CameraCountsMapper.From(cameras, hourEnd.AddHours(-1)), CameraCursor, endMs);
    }

    /// <summary>
    /// Each local day that has ended since the last close, oldest first, with the figures as of that day. The close of a
    /// month's last day carries the anchor a monthly report printed now shows (the ledger head), so the township can
    /// match the paper against the digests it holds.
    /// </summary>
    public bool DailyCloses()
    {
        var today = records.Today();
        var yesterday = today.AddDays(-1);
        var last = outbox.Cursor(DailyCursor) is { } c ? FiguresMapper.FromYyyymmdd((uint)c) : yesterday.AddDays(-1);
        var start = records.StationStart(today);
        var day = last.AddDays(1);
        if (day < start)
        {
            day = start;
        }
        if (yesterday.DayNumber - day.DayNumber >= MaxDaysToClose)
        {
            day = yesterday.AddDays(-(MaxDaysToClose - 1));
        }
        for (; day <= yesterday; day = day.AddDays(1))
        {
            var head = Store.Head;
            var close = new DailyClose { LocalDate = FiguresMapper.Yyyymmdd(day), Figures = Figures(day) };
            if (head.Seq > 0)
            {
                close.LedgerHead = LedgerAnchors.Head(head.Seq, head.Hash);
                if (day.AddDays(1).Day == 1)
                {
                    close.MonthlyReportAnchor = LedgerAnchors.Monthly(new DateOnly(day.Year, day.Month, 1), head.Seq, head.Hash);
                }
            }
            if (!Enqueue(OutboxKind.DailyClose, close, DailyCursor, FiguresMapper.Yyyymmdd(day)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Disk, uptime, version, clock offset and the last chain check, every <see cref="HealthInterval"/>.</summary>
    public bool Health()
    {
        var now = time.GetUtcNow();
        if (outbox.Cursor(HealthCursor) is { } last && now.ToUnixTimeMilliseconds() - last < (long)HealthInterval.TotalMilliseconds)
        {
            return true;
        }
        var status = outbox.Status();
        var health = new Health
        {
            UptimeSeconds = (ulong)((Environment.TickCount64 - StartedTicks) / 1000),
            Version = ThisAssembly.AssemblyInformationalVersion,
            ClockOffsetMs = ClockOffsetMs,
            LastVerifyResult = LastChainCheck?.Result ?? VerifyResult.NeverRun,
            LastVerifyAt = LastChainCheck?.At.ToUnixTimeMilliseconds() ?? 0,
            OutboxDepth = (ulong)status.Depth,
            OutboxBytes = (ulong)status.Bytes,
        };
        if (BoardTemperatureMilliCelsius() is { } milli)
        {
            health.TemperatureMilliCelsius = milli;
        }
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(Store.DataDir));
            health.DiskFreeBytes = (ulong)drive.AvailableFreeSpace;
            health.DiskTotalBytes = (ulong)drive.TotalSize;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // health goes without the disk figures rather than not at all
        }
        return Enqueue(OutboxKind.Health, health, HealthCursor, now.ToUnixTimeMilliseconds());
    }

    /// <summary>The first thermal zone (the SoC on a Raspberry Pi or RK3588 board), in m°C; null where there is none.</summary>
    private static int? BoardTemperatureMilliCelsius()
    {
        try
        {
            return int.TryParse(File.ReadAllText("/sys/class/thermal/thermal_zone0/temp").Trim(), System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var milli) ? milli : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Figures Figures(DateOnly day)
    {
        var tally = new RecordStateTally();
        foreach (var r in Store.Summaries())
        {
            tally.Add(r.Type, r.Status, r.Voided);
        }
        return FiguresMapper.From(records.Indicators(day), tally);
    }

    private bool Enqueue(OutboxKind kind, IMessage payload, string cursor, long value) =>
        !outbox.Enqueue(kind, payload.ToByteArray(), new ProducerCursor(cursor, value)).Refused;
}
