
using System.Text.Json;
using EdgeStation.Storage.Station;

namespace EdgeStation.Station.Sync;

/// <summary>
/// &lt;data-dir&gt;/sync/state.json: the last push and the last error in words, kept beside the outbox so that
/// `edgestation sync status` says what happened even while the service is stopped. Advisory: a lost or unreadable
/// file only means "no push recorded yet"; nothing is decided from it.
/// </summary>
public static class SyncStateFile
{
    public const string FileName = "state.json";

    public static string PathOf(string dataDir) => Path.Combine(SyncIdentity.Dir(dataDir), FileName);

    public static PushReport? Read(string dataDir, out DateTimeOffset? lastSuccessAt)
    {
        lastSuccessAt = null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(PathOf(dataDir)));
            var r = doc.RootElement;
            lastSuccessAt = Time(r, "lastSuccessAt");
            if (Time(r, "lastPushAt") is not { } at)
            {
                return null;
            }
            return new PushReport(
                r.TryGetProperty("sent", out var s) ? s.GetInt32() : 0,
                r.TryGetProperty("acknowledged", out var a) ? a.GetInt32() : 0,
                r.TryGetProperty("refused", out var f) ? f.GetInt32() : 0,
                r.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null,
                at,
                r.TryGetProperty("clockOffsetMs", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt64() : null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public static void Write(string dataDir, PushReport report, DateTimeOffset? lastSuccessAt)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("lastPushAt", report.At.ToUnixTimeMilliseconds());
            if (lastSuccessAt is { } ok)
            {
                w.WriteNumber("lastSuccessAt", ok.ToUnixTimeMilliseconds());
            }
            w.WriteNumber("sent", report.Sent);
            w.WriteNumber("acknowledged", report.Acknowledged);
            w.WriteNumber("refused", report.Refused);
            if (report.Error is { } error)
            {
                w.WriteString("error", error);
            }
            if (report.ClockOffsetMs is { } offset)
            {
                w.WriteNumber("clockOffsetMs", offset);
            }
            w.WriteEndObject();
        }
        var dir = SyncIdentity.Dir(dataDir);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, DataDirAccess.DirMode);
            }
            var temp = PathOf(dataDir) + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = DataDirAccess.FileMode;
            }
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            }
            File.Move(temp, PathOf(dataDir), overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Advisory only (see above): the push itself is recorded in the outbox.
            _ = ex;
        }
    }

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(v.GetInt64()) : null;

}
