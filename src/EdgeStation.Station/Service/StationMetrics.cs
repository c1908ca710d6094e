using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EdgeStation.Domain.Records;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Service;

/// <summary>
/// Counters for /metrics in the Prometheus text format (0.0.4): uptime, records by type, ledger head,
/// requests and their latency per route. Later issues add outbox depth, door and camera figures here.
/// </summary>
public sealed class StationMetrics
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<(string Route, string Method, int Status), long> _requests = new();
    private readonly ConcurrentDictionary<string, long[]> _latency = new(); // per route: bucket counts, then count
    private readonly ConcurrentDictionary<string, double> _latencySum = new();
    private readonly ConcurrentDictionary<Accounts.LoginResult, long> _logins = new();

    public double UptimeSeconds => Stopwatch.GetElapsedTime(_started).TotalSeconds;

    public void Observe(string route, string method, int status, TimeSpan elapsed)
    {
        _requests.AddOrUpdate((route, method, status), 1, (_, n) => n + 1);
        var counts = _latency.GetOrAdd(route, _ => new long[Buckets.Length + 1]);
        var seconds = elapsed.TotalSeconds;
        for (var i = 0; i < Buckets.Length; i++)
        {
            if (seconds <= Buckets[i])
            {
                Interlocked.Increment(ref counts[i]);
            }
        }
        Interlocked.Increment(ref counts[^1]);
        _latencySum.AddOrUpdate(route, seconds, (_, s) => s + seconds);
    }

    public void CountLogin(Accounts.LoginResult result) => _logins.AddOrUpdate(result, 1, (_, n) => n + 1);

    public string Render(LedgerStore store, int activeSessions)
    {
        var sb = new StringBuilder(2048);
        static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
        sb.Append("# HELP edgestation_uptime_seconds Seconds since the station service started.\n# TYPE edgestation_uptime_seconds gauge\n");
        sb.Append("edgestation_uptime_seconds ").Append(F(UptimeSeconds)).Append('\n');
        sb.Append("# HELP edgestation_ledger_head_seq Sequence number of the last ledger entry.\n# TYPE edgestation_ledger_head_seq gauge\n");
        sb.Append("edgestation_ledger_head_seq ").Append(store.Head.Seq.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var fault = store.Fault;
        sb.Append("# HELP edgestation_storage_fault 1 while the ledger takes no writes (a full disk or another write failure), by reason.\n# TYPE edgestation_storage_fault gauge\n");
        foreach (var kind in Enum.GetValues<StoreFaultKind>())
        {
            sb.Append("edgestation_storage_fault{reason=\"").Append(kind == StoreFaultKind.DiskFull ? "disk_full" : "write_failed").Append("\"} ")
              .Append(fault?.Kind == kind ? '1' : '0').Append('\n');
        }
        sb.Append("# HELP edgestation_storage_faults_total Times the ledger stopped taking writes since the service started.\n# TYPE edgestation_storage_faults_total counter\n");
        sb.Append("edgestation_storage_faults_total ").Append(store.FaultCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("# HELP edgestation_storage_recoveries_total Times the ledger writer took writes again by itself after a fault.\n# TYPE edgestation_storage_recoveries_total counter\n");
        sb.Append("edgestation_storage_recoveries_total ").Append(store.RecoveryCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("# HELP edgestation_storage_refused_appends_total Ledger appends refused or failed because of a fault.\n# TYPE edgestation_storage_refused_appends_total counter\n");
        sb.Append("edgestation_storage_refused_appends_total ").Append(store.RefusedAppendCount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var writer = store.Stats;
        sb.Append("# HELP edgestation_ledger_batches_total Group commits the ledger writer made (one journal fsync each).\n# TYPE edgestation_ledger_batches_total counter\n");
        sb.Append("edgestation_ledger_batches_total ").Append(writer.Batches.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("# HELP edgestation_ledger_entries_total Entries those group commits held.\n# TYPE edgestation_ledger_entries_total counter\n");
        sb.Append("edgestation_ledger_entries_total ").Append(writer.Entries.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("# HELP edgestation_ledger_writer_seconds_total Time the ledger writer spent per step of the group commit.\n# TYPE edgestation_ledger_writer_seconds_total counter\n");
        foreach (var stage in Enum.GetValues<WriterStage>())
        {
            sb.Append("edgestation_ledger_writer_seconds_total{stage=\"").Append(stage.ToString().ToLowerInvariant()).Append("\"} ")
              .Append(F(writer.Time(stage).TotalSeconds)).Append('\n');
        }
        sb.Append("# HELP edgestation_records Records in the ledger by type (voided included).\n# TYPE edgestation_records gauge\n");
        foreach (var type in RecordTypeNames.All)
        {
            sb.Append("edgestation_records{type=\"").Append(RecordTypeNames.Name(type)).Append("\"} ")
              .Append(store.RecordCount(type).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        sb.Append("# HELP edgestation_logins_total Login attempts by result (success, failed, locked).\n# TYPE edgestation_logins_total counter\n");
        foreach (var result in Enum.GetValues<Accounts.LoginResult>())
        {
            sb.Append("edgestation_logins_total{result=\"").Append(result.ToString().ToLowerInvariant()).Append("\"} ")
              .Append(_logins.GetValueOrDefault(result).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        sb.Append("# HELP edgestation_sessions Logged-in sessions held in memory.\n# TYPE edgestation_sessions gauge\n");
        sb.Append("edgestation_sessions ").Append(activeSessions.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("# HELP edgestation_http_requests_total HTTP requests by route, method and status.\n# TYPE edgestation_http_requests_total counter\n");
        foreach (var ((route, method, status), n) in _requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal))
        {
            sb.Append("edgestation_http_requests_total{route=\"").Append(route).Append("\",method=\"").Append(method)
              .Append("\",status=\"").Append(status.ToString(CultureInfo.InvariantCulture)).Append("\"} ")
              .Append(n.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        sb.Append("# HELP edgestation_http_request_duration_seconds HTTP request latency by route.\n# TYPE edgestation_http_request_duration_seconds histogram\n");
        foreach (var (route, counts) in _latency.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            for (var i = 0; i < Buckets.Length; i++)
            {
                sb.Append("edgestation_http_request_duration_seconds_bucket{route=\"").Append(route).Append("\",le=\"").Append(F(Buckets[i])).Append("\"} ")
                  .Append(Volatile.Read(ref counts[i]).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            var total = Volatile.Read(ref counts[^1]).ToString(CultureInfo.InvariantCulture);
            sb.Append("edgestation_http_request_duration_seconds_bucket{route=\"").Append(route).Append("\",le=\"+Inf\"} ").Append(total).Append('\n');
            sb.Append("edgestation_http_request_duration_seconds_sum{route=\"").Append(route).Append("\"} ").Append(F(_latencySum.GetValueOrDefault(route))).Append('\n');
            sb.Append("edgestation_http_request_duration_seconds_count{route=\"").Append(route).Append("\"} ").Append(total).Append('\n');
        }
        return sb.ToString();
    }
}
