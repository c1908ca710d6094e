using System.Globalization;
using System.Text;
using EdgeStation.Access.Alarms;

namespace EdgeStation.Station.Doors;

/// <summary>The doors' lines of /metrics: counts only (per door and alarm kind), nothing personal.</summary>
public static class DoorMetrics
{
    public static string Render(AccessService access)
    {
        var sb = new StringBuilder();
        void Counter(string name, string help) => sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" counter\n");
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        Counter("edgestation_door_grants_total", "Cards and PINs let through, per door.");
        foreach (var d in access.System.Doors)
        {
            sb.Append("edgestation_door_grants_total{door=\"").Append(N(d.Id)).Append("\"} ").Append(N(d.Grants)).Append('\n');
        }
        Counter("edgestation_door_refusals_total", "Cards and PINs refused, per door.");
        foreach (var d in access.System.Doors)
        {
            sb.Append("edgestation_door_refusals_total{door=\"").Append(N(d.Id)).Append("\"} ").Append(N(d.Refusals)).Append('\n');
        }
        Counter("edgestation_wiegand_rejected_frames_total", "Wiegand frames rejected (length, parity, key check), per door: missed pulses, a loose wire.");
        foreach (var d in access.System.Doors)
        {
            sb.Append("edgestation_wiegand_rejected_frames_total{door=\"").Append(N(d.Id)).Append("\"} ").Append(N(d.RejectedFrames)).Append('\n');
        }
        Counter("edgestation_alarms_total", "Alarms raised since start, per kind.");
        foreach (var kind in Enum.GetValues<AlarmKind>())
        {
            sb.Append("edgestation_alarms_total{kind=\"").Append(kind.ToString()).Append("\"} ").Append(N(access.System.Board.RaisedCount(kind))).Append('\n');
        }
        sb.Append("# HELP edgestation_alarms_unacknowledged Alarms waiting for someone to acknowledge them.\n# TYPE edgestation_alarms_unacknowledged gauge\n");
        sb.Append("edgestation_alarms_unacknowledged ").Append(N(access.System.Board.Unacknowledged().Count)).Append('\n');
        if (access.Osdp is { } osdp)
        {
            var panel = osdp.Supervisor.Panel;
            Counter("edgestation_osdp_restarts_total", "Times the OSDP bus loop failed (adapter gone, I/O error) and was opened again.");
            sb.Append("edgestation_osdp_restarts_total ").Append(N(osdp.Supervisor.Crashes)).Append('\n');
            // The panel's counts start again with each restart of the bus.
            Counter("edgestation_osdp_timeouts_total", "OSDP commands a reader did not answer in time, since the bus last started.");
            sb.Append("edgestation_osdp_timeouts_total ").Append(N(panel?.Timeouts ?? 0)).Append('\n');
            Counter("edgestation_osdp_security_failures_total", "OSDP secure channel failures (wrong key, a MAC that did not hold), since the bus last started.");
            sb.Append("edgestation_osdp_security_failures_total ").Append(N(panel?.SecurityFailures ?? 0)).Append('\n');
            Counter("edgestation_osdp_rejected_frames_total", "OSDP packets dropped for a bad length or check, since the bus last started.");
            sb.Append("edgestation_osdp_rejected_frames_total ").Append(N(panel?.RejectedFrames ?? 0)).Append('\n');
            sb.Append("# HELP edgestation_osdp_reader_online 1 when the OSDP reader answers, per bus address.\n# TYPE edgestation_osdp_reader_online gauge\n");
            foreach (var address in osdp.Settings.Addresses)
            {
                sb.Append("edgestation_osdp_reader_online{address=\"").Append(N(address)).Append("\"} ").Append(osdp.Online(address) ? '1' : '0').Append('\n');
            }
        }
        var log = access.Log.Stats;
        Counter("edgestation_access_log_written_total", "Access events written to access.db.");
        sb.Append("edgestation_access_log_written_total ").Append(N(log.Written)).Append('\n');
        Counter("edgestation_access_log_dropped_total", "Access events dropped because the queue was full (storage refused writes for too long).");
        sb.Append("edgestation_access_log_dropped_total ").Append(N(log.Dropped)).Append('\n');
        Counter("edgestation_access_log_write_failures_total", "Failed writes to access.db (disk full, file held); the events wait and are tried again.");
        sb.Append("edgestation_access_log_write_failures_total ").Append(N(log.WriteFailures)).Append('\n');
        sb.Append("# HELP edgestation_access_log_waiting Access events queued in memory, not yet written.\n# TYPE edgestation_access_log_waiting gauge\n");
        sb.Append("edgestation_access_log_waiting ").Append(N(log.Waiting)).Append('\n');
        return sb.ToString();
    }
}
