using System.Globalization;
using System.Text.Json;
using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Ledger;

/// <summary>The canonical content of a ledger entry: a record event as canonical JSON, and back.</summary>
public static class RecordEventCodec
{
    public const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Encode(RecordEvent e)
    {
        // Keys in ordinal order: action, actor, at, fields, idempotency, note, recordId, refSeq, type.
        var w = new CanonicalJson().BeginObject()
            .Key("action").Value(e.Action)
            .Key("actor").Value(e.Actor)
            .Key("at").Value(e.At.ToUniversalTime().ToString(AtFormat, CultureInfo.InvariantCulture))
            .Key("fields").BeginObject();
        foreach (var (k, v) in e.Fields)
        {
            w.Key(k);
            if (v.IsNumber)
            {
                w.Value(v.Number);
            }
            else
            {
                w.Value(v.Text!);
            }
        }
        w.EndObject();
        if (e.Request is { } request)
        {
            w.Key("idempotency").BeginObject().Key("key").Value(request.Key).Key("request").Value(request.Request).EndObject();
        }
        if (e.Note is not null)
        {
            w.Key("note").Value(e.Note);
        }
        w.Key("recordId").Value(e.RecordId);
        if (e.RefSeq is { } refSeq)
        {
            w.Key("refSeq").Value(refSeq);
        }
        w.Key("type").Value(e.Type);
        return w.EndObject().ToString();
    }

    // The same integer range as the documented check 5 (scripts/verify-export.py): what one verifier accepts the other does.
    private static long SafeInteger(JsonElement value, string name) =>
        value.TryGetInt64(out var n) && n is <= CanonicalJson.MaxSafeInteger and >= -CanonicalJson.MaxSafeInteger
            ? n
            : throw new FormatException($"'{name}' is {value.GetRawText()}, not an integer within ±(2^53−1)");

    /// <summary>Parses content; throws <see cref="FormatException"/> when it is not a well-formed event.</summary>
    public static RecordEvent Decode(string content)
    {
        try
        {
            using var doc = JsonDocument.Parse(content);
            var root = doc.RootElement;
            var fields = new SortedDictionary<string, FieldValue>(StringComparer.Ordinal);
            foreach (var p in root.GetProperty("fields").EnumerateObject())
            {
                fields[p.Name] = p.Value.ValueKind == JsonValueKind.Number
                    ? FieldValue.Of(SafeInteger(p.Value, p.Name))
                    : FieldValue.Of(p.Value.GetString() ?? throw new FormatException($"field '{p.Name}' is null"));
            }
            return new RecordEvent
            {
                Action = root.GetProperty("action").GetString()!,
                Actor = root.GetProperty("actor").GetString()!,
                At = DateTimeOffset.ParseExact(root.GetProperty("at").GetString()!, AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Fields = fields,
                Note = root.TryGetProperty("note", out var note) ? note.GetString() : null,
                Request = root.TryGetProperty("idempotency", out var idem)
                    ? new RequestKey(idem.GetProperty("key").GetString()!, idem.GetProperty("request").GetString()!)
                    : null,
                RecordId = root.GetProperty("recordId").GetString()!,
                RefSeq = root.TryGetProperty("refSeq", out var refSeq) ? SafeInteger(refSeq, "refSeq") : null,
                Type = root.GetProperty("type").GetString()!,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"not a well-formed ledger event: {ex.Message}", ex);
        }
    }
}
