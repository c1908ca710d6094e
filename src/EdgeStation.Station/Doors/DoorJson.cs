using System.Buffers;
using System.Text;
using System.Text.Json;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Doors;
using EdgeStation.Domain.Doors;
using EdgeStation.Storage.Access;

namespace EdgeStation.Station.Doors;

/// <summary>The doors' JSON, written by hand with <see cref="Utf8JsonWriter"/> (no reflection under Native AOT); the CLI prints it as it comes for --json.</summary>
public static class DoorJson
{
    public static string Doors(AccessService access) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("gpio", access.Settings.Gpio);
        w.WriteStartArray("doors");
        foreach (var d in access.System.Doors)
        {
            WriteDoor(w, d);
        }
        w.WriteEndArray();
        WriteAlarms(w, access.System.Board.Unacknowledged());
        if (access.Osdp is { } osdp)
        {
            WriteOsdp(w, osdp);
        }
        var stats = access.Log.Stats;
        w.WriteStartObject("eventLog");
        w.WriteNumber("written", stats.Written);
        w.WriteNumber("waiting", stats.Waiting);
        w.WriteNumber("dropped", stats.Dropped);
        w.WriteNumber("writeFailures", stats.WriteFailures);
        if (stats.LastError is { } error)
        {
            w.WriteString("lastError", error);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>The OSDP bus: device, speed, secure channel, restarts and each reader's state (never the key).</summary>
    private static void WriteOsdp(Utf8JsonWriter w, StationOsdpBus osdp)
    {
        var s = osdp.Settings;
        w.WriteStartObject("osdp");
        w.WriteString("device", s.Device);
        w.WriteNumber("baud", s.Baud);
        w.WriteBoolean("secureChannel", s.SecureChannel);
        w.WriteBoolean("up", osdp.Supervisor.Panel is not null);
        w.WriteNumber("restarts", osdp.Supervisor.Crashes);
        Optional(w, "lastError", osdp.Supervisor.LastError);
        w.WriteStartArray("readers");
        foreach (var r in s.Readers)
        {
            w.WriteStartObject();
            w.WriteNumber("address", r.Address);
            w.WriteNumber("reader", r.Reader);
            w.WriteNumber("door", r.DoorId);
            w.WriteString("direction", r.Direction == Access.Decisions.ReaderDirection.In ? "in" : "out");
            w.WriteBoolean("online", osdp.Online(r.Address));
            w.WriteBoolean("secureChannelUp", osdp.SecureChannelUp(r.Address));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One door's state (`door unlock`, `door mode` answer with it).</summary>
    public static string Door(DoorController door, string? warning = null) => Write(w => WriteDoor(w, door, warning));

    private static void WriteDoor(Utf8JsonWriter w, DoorController d, string? warning = null)
    {
        var outputs = d.Logic.Outputs;
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        w.WriteString("name", d.Name);
        w.WriteString("mode", DoorController.ModeName(d.Mode));
        w.WriteBoolean("firstIn", d.FirstInActive);
        w.WriteBoolean("unlocked", outputs.Unlocked);
        w.WriteBoolean("open", d.Logic.IsOpen);
        w.WriteString("failMode", d.Settings.FailMode == LockFailMode.FailSafe ? "safe" : "secure");
        w.WriteString("credentials", CredentialModes.Name(d.Settings.Mode));
        w.WriteNumber("grants", d.Grants);
        w.WriteNumber("refusals", d.Refusals);
        w.WriteNumber("rejectedFrames", d.RejectedFrames);
        Optional(w, "warning", warning);
        w.WriteEndObject();
    }

    /// <param name="who">Whether who acknowledged is written (those who may see personal fields); that it was, and when, always is.</param>
    public static string Alarms(IReadOnlyList<Alarm> alarms, bool who = true) => Write(w =>
    {
        w.WriteStartObject();
        WriteAlarms(w, alarms, who);
        w.WriteEndObject();
    });

    /// <param name="who">Whether person and card are written (those who may see personal fields); the rest always is.</param>
    public static string Events(IReadOnlyList<StoredAccessEvent> events, bool who) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("events");
        foreach (var e in events)
        {
            WriteEvent(w, e.Event, e.Id, who);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string Simulated(int door, string action, SimulatedAttempt attempt, DoorController controller, bool who) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("door", door);
        w.WriteString("action", action);
        w.WriteBoolean("unlocked", controller.Logic.Outputs.Unlocked);
        w.WriteStartArray("events");
        foreach (var e in attempt.Events)
        {
            WriteEvent(w, e, null, who);
        }
        w.WriteEndArray();
        if (attempt.OsdpAddress is { } address)
        {
            // What the OSDP reader was told to show, as it crossed the bus.
            w.WriteStartObject("osdpReader");
            w.WriteNumber("address", address);
            Optional(w, "led", attempt.ReaderLed);
            w.WriteNumber("beeps", attempt.ReaderBeeps);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    });

    public static string Alarm(Alarm alarm) => Write(w => WriteAlarm(w, alarm));

    private static void WriteAlarms(Utf8JsonWriter w, IReadOnlyList<Alarm> alarms, bool who = true)
    {
        w.WriteStartArray("alarms");
        foreach (var a in alarms)
        {
            WriteAlarm(w, a, who);
        }
        w.WriteEndArray();
    }

    private static void WriteAlarm(Utf8JsonWriter w, Alarm a, bool who = true)
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteString("kind", a.Kind.ToString());
        w.WriteString("source", a.Source);
        w.WriteString("raisedAt", a.RaisedAt);
        w.WriteBoolean("silent", a.Silent);
        w.WriteBoolean("causeActive", a.CauseActive);
        w.WriteBoolean("acknowledged", a.Acknowledged);
        if (a.AcknowledgedBy is { } by)
        {
            if (who)
            {
                w.WriteString("acknowledgedBy", by);
            }
            w.WriteString("acknowledgedAt", a.AcknowledgedAt!.Value);
        }
        w.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter w, AccessEvent e, long? id, bool who)
    {
        w.WriteStartObject();
        if (id is { } i)
        {
            w.WriteNumber("id", i);
        }
        w.WriteString("at", e.At);
        w.WriteNumber("door", e.Door);
        w.WriteString("kind", e.Kind.ToString());
        w.WriteString("reason", e.Reason);
        Optional(w, "source", e.Source);
        if (who)
        {
            Optional(w, "person", e.Person);
            Optional(w, "card", e.Card);
        }
        Optional(w, "direction", e.Direction);
        Optional(w, "actor", e.Actor);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Output.RecordJson.Options))
        {
            body(w);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
