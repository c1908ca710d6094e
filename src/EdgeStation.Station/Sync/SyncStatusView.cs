using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeStation.Storage.Outbox;

namespace EdgeStation.Station.Sync;

/// <summary>What `edgestation sync status` prints: the identity, the outbox, the last push and its error in words.</summary>
public sealed record SyncStatusView(
    string? StationId, Uri? Endpoint, string? IdentityProblem, OutboxStatus Outbox, PushReport? LastPush, DateTimeOffset? LastSuccessAt, string Source)
{
    public void WriteText(TextWriter o, DateTimeOffset now)
    {
        o.WriteLine(StationId is null
            ? IdentityProblem ?? "station: not provisioned (edgestation provision --bundle FILE); nothing is sent"
            : $"station: {StationId}, center {Endpoint}");
        if (IdentityProblem is not null && StationId is not null)
        {
            o.WriteLine("identity: " + IdentityProblem);
        }
        var b = Outbox;
        o.WriteLine($"outbox: {b.Depth} envelope(s), {Size(b.Bytes)} of {Size(b.CapacityBytes)}");
        if (b.Depth > 0)
        {
            o.WriteLine($"oldest pending: #{b.OldestPendingSeq} made {When(b.OldestPendingAt, now)}");
        }
        o.WriteLine(b.LastAckSeq > 0 ? $"last ack: #{b.LastAckSeq} {When(b.LastAckAt, now)}" : "last ack: none yet");
        if (b.Full)
        {
            o.WriteLine($"ALARM outbox full since {When(b.FullSince, now)}: summaries and ledger digests wait until the center acknowledges what is queued");
        }
        if (b.DroppedHealth > 0)
        {
            o.WriteLine($"health envelopes dropped to make room: {b.DroppedHealth}");
        }
        if (LastPush is { } p)
        {
            o.WriteLine($"last push: {When(p.At, now)}, sent {p.Sent}, acknowledged {p.Acknowledged}" + (p.Refused > 0 ? $", refused {p.Refused}" : ""));
            o.WriteLine(p.Error is null ? "last error: none" : "last error: " + p.Error);
        }
        else
        {
            o.WriteLine("last push: none yet");
        }
        if (LastSuccessAt is { } ok)
        {
            o.WriteLine($"last good push: {When(ok, now)}");
        }
        o.WriteLine($"({Source})");
    }

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteBoolean("provisioned", StationId is not null);
        w.WriteString("stationId", StationId);
        w.WriteString("endpoint", Endpoint?.ToString());
        w.WriteString("identityProblem", IdentityProblem);
        var b = Outbox;
        w.WriteNumber("depth", b.Depth);
        w.WriteNumber("bytes", b.Bytes);
        w.WriteNumber("capacityBytes", b.CapacityBytes);
        w.WriteNumber("oldestPendingSeq", b.OldestPendingSeq);
        Time(w, "oldestPendingAt", b.OldestPendingAt);
        w.WriteNumber("lastSeq", b.LastSeq);
        w.WriteNumber("lastAckSeq", b.LastAckSeq);
        Time(w, "lastAckAt", b.LastAckAt);
        w.WriteBoolean("outboxFull", b.Full);
        Time(w, "outboxFullSince", b.FullSince);
        w.WriteNumber("droppedHealth", b.DroppedHealth);
        Time(w, "lastPushAt", LastPush?.At);
        Time(w, "lastSuccessAt", LastSuccessAt);
        w.WriteString("lastError", LastPush?.Error);
        w.WriteString("source", Source);
        w.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? t)
    {
        if (t is { } at)
        {
            w.WriteString(name, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string When(DateTimeOffset? t, DateTimeOffset now)
    {
        if (t is not { } at)
        {
            return "never";
        }
        var ago = now - at;
        var text = ago.TotalMinutes < 1 ? "just now"
            : ago.TotalHours < 1 ? $"{(int)ago.TotalMinutes} min ago"
            : ago.TotalDays < 2 ? $"{(int)ago.TotalHours} h ago"
            : $"{(int)ago.TotalDays} days ago";
        return $"{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({text})";
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KiB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture)} MiB",
    };

    /// <summary>The Prometheus lines of the running service's outbox for /metrics (none before the station is provisioned).</summary>
    public static string Metrics(string dataDir) =>
        SyncAgents.For(dataDir) is { } agent ? Metrics(agent.Outbox.Status(), agent.LastPush) : "";

    /// <summary>The Prometheus lines of the outbox: counts only.</summary>
    public static string Metrics(OutboxStatus b, PushReport? last)
    {
        var sb = new StringBuilder(512);
        void Gauge(string name, string help, long value) =>
            sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" gauge\n")
              .Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Gauge("edgestation_sync_outbox_depth", "Envelopes waiting for the center's acknowledgement.", b.Depth);
        Gauge("edgestation_sync_outbox_bytes", "Bytes the outbox holds, counted against its capacity.", b.Bytes);
        Gauge("edgestation_sync_outbox_capacity_bytes", "The outbox's capacity.", b.CapacityBytes);
        Gauge("edgestation_sync_outbox_full", "1 while a summary or ledger digest could not be queued (outbox full alarm).", b.Full ? 1 : 0);
        Gauge("edgestation_sync_outbox_dropped_health_total", "Health envelopes dropped to make room.", b.DroppedHealth);
        Gauge("edgestation_sync_last_ack_seq", "The highest envelope seq the center acknowledged.", b.LastAckSeq);
        Gauge("edgestation_sync_last_push_ok", "1 when the last push succeeded, 0 when it failed or none was made.", last is { Ok: true } ? 1 : 0);
        return sb.ToString();
    }
}
