using System.Globalization;
using EdgeStation.Domain.Records;
using LiteDB;

namespace EdgeStation.Storage.Records;

/// <summary>
/// Maps record snapshots to and from BsonDocument by hand: LiteDB's reflection mapper does not survive
/// Native AOT. Times are Int64 Unix milliseconds so no time-zone conversion can creep in.
/// </summary>
internal static class SnapshotBson
{
    public static BsonDocument ToBson(RecordSnapshot r)
    {
        var fields = new BsonDocument();
        foreach (var (k, v) in r.Fields)
        {
            fields[k] = v.IsNumber ? new BsonValue(v.Number) : new BsonValue(v.Text);
        }
        var marks = new BsonDocument();
        foreach (var (k, at) in r.Marks)
        {
            marks[k] = at.ToUnixTimeMilliseconds();
        }
        var doc = new BsonDocument
        {
            ["_id"] = r.Id,
            ["type"] = RecordTypeNames.Name(r.Type),
            ["status"] = r.Status,
            ["fields"] = fields,
            ["marks"] = marks,
            ["voided"] = r.Voided,
            ["createdSeq"] = r.CreatedSeq,
            ["lastSeq"] = r.LastSeq,
            ["amendments"] = r.Amendments,
            ["createdAt"] = r.CreatedAt.ToUnixTimeMilliseconds(),
            ["updatedAt"] = r.UpdatedAt.ToUnixTimeMilliseconds(),
            // Kept parsed, so list and indicator passes over 100,000 records parse no dates.
            ["reportedAtMs"] = r.ReportedAt.ToUnixTimeMilliseconds(),
            ["occurredAtMs"] = r.OccurredAt.ToUnixTimeMilliseconds(),
        };
        if (r.VoidReason is not null)
        {
            doc["voidReason"] = r.VoidReason;
        }
        return doc;
    }

    private static readonly string[] InstantKeys = [FieldKeys.OccurredAt, FieldKeys.ReportedAt, FieldKeys.ReceivedAt, FieldKeys.EffectiveAt];

    public static RecordSnapshot FromBson(BsonDocument doc)
    {
        RecordTypeNames.TryParse(doc["type"].AsString, out var type);
        var snapshot = new RecordSnapshot
        {
            Id = doc["_id"].AsString,
            Type = type,
            Voided = doc["voided"].AsBoolean,
            VoidReason = doc.TryGetValue("voidReason", out var why) ? why.AsString : null,
            CreatedSeq = doc["createdSeq"].AsInt64,
            LastSeq = doc["lastSeq"].AsInt64,
            Amendments = doc["amendments"].AsInt32,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(doc["createdAt"].AsInt64),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(doc["updatedAt"].AsInt64),
        };
        foreach (var (k, v) in doc["fields"].AsDocument)
        {
            snapshot.Fields[k] = v.IsString ? FieldValue.Of(v.AsString) : FieldValue.Of(v.AsInt64);
        }
        foreach (var key in InstantKeys)
        {
            // Read lazily by whoever shows the record: a damaged one must fail here, where damage is reported, not there.
            if (snapshot.Fields.TryGetValue(key, out var at) && !at.IsNumber
                && !DateTimeOffset.TryParseExact(at.Text, FieldParser.InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                throw new FormatException($"record {snapshot.Id}: stored {key} '{at.Text}' is not a time");
            }
        }
        foreach (var (k, v) in doc["marks"].AsDocument)
        {
            snapshot.Marks[k] = DateTimeOffset.FromUnixTimeMilliseconds(v.AsInt64);
        }
        if (doc.TryGetValue("reportedAtMs", out var reported) && doc.TryGetValue("occurredAtMs", out var occurred))
        {
            snapshot.PrimeTimes(DateTimeOffset.FromUnixTimeMilliseconds(reported.AsInt64), DateTimeOffset.FromUnixTimeMilliseconds(occurred.AsInt64));
        }
        return snapshot;
    }
}
