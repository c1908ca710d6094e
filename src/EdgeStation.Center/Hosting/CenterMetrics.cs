using System.Globalization;
using System.Text;

namespace EdgeStation.Center.Hosting;

/// <summary>Counters since start, for /metrics (Prometheus text format).</summary>
public sealed class CenterMetrics
{
    private long _accepted, _duplicate, _kept, _refused, _alerts, _handshakesRefused, _unavailable;

    public void Accepted() => Interlocked.Increment(ref _accepted);
    public void Duplicate() => Interlocked.Increment(ref _duplicate);
    public void Kept() => Interlocked.Increment(ref _kept);
    public void Refused() => Interlocked.Increment(ref _refused);
    public void Unavailable() => Interlocked.Increment(ref _unavailable);
    public void AlertsRaised(int n) => Interlocked.Add(ref _alerts, n);
    public void HandshakeRefused() => Interlocked.Increment(ref _handshakesRefused);

    public long HandshakesRefused => Interlocked.Read(ref _handshakesRefused);

    public string Text(int stations, int stale, int openAlerts)
    {
        var b = new StringBuilder();
        void Line(string name, string help, string type, long value, string labels = "")
        {
            b.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name}{labels} {value}\n");
        }
        b.Append(CultureInfo.InvariantCulture, $"# HELP edgestation_center_envelopes_total Envelopes answered since start, by ack status.\n# TYPE edgestation_center_envelopes_total counter\n");
        b.Append(CultureInfo.InvariantCulture, $"edgestation_center_envelopes_total{{status=\"accepted\"}} {Interlocked.Read(ref _accepted)}\n");
        b.Append(CultureInfo.InvariantCulture, $"edgestation_center_envelopes_total{{status=\"duplicate\"}} {Interlocked.Read(ref _duplicate)}\n");
        b.Append(CultureInfo.InvariantCulture, $"edgestation_center_envelopes_total{{status=\"kept_unknown\"}} {Interlocked.Read(ref _kept)}\n");
        b.Append(CultureInfo.InvariantCulture, $"edgestation_center_envelopes_total{{status=\"refused\"}} {Interlocked.Read(ref _refused)}\n");
        Line("edgestation_center_store_failures_total", "Envelopes not stored because the store failed (acked CENTER_UNAVAILABLE).", "counter", Interlocked.Read(ref _unavailable));
        Line("edgestation_center_alerts_raised_total", "Continuity alerts raised since start.", "counter", Interlocked.Read(ref _alerts));
        Line("edgestation_center_handshakes_refused_total", "TLS client certificates refused (another CA, unknown, retired or revoked).", "counter", HandshakesRefused);
        Line("edgestation_center_stations", "Stations enrolled.", "gauge", stations);
        Line("edgestation_center_stations_stale", "Enrolled stations not heard from within the stale threshold.", "gauge", stale);
        Line("edgestation_center_alerts_open", "Continuity alerts not yet resolved.", "gauge", openAlerts);
        return b.ToString();
    }
}
