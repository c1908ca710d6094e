using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Records;

/// <summary>
/// What the indicators and the deadline lists read of one record, and nothing more: type, voided, the two times
/// already parsed, every workflow mark, and the few fields in <see cref="KeptFields"/>. About 150 bytes a record
/// (the full snapshot with its texts is several kilobytes), so 100,000 of them stay in memory. Immutable.
/// </summary>
public sealed class RecordSummary
{
    /// <summary>
    /// The fields a summary keeps: whatever IndicatorCalculator, DisputeDeadlines and PetitionDeadlines read
    /// (besides ReportedAt/OccurredAt, which are kept parsed). Anything else is left out on purpose.
    /// </summary>
    public static readonly IReadOnlySet<string> KeptFields = new HashSet<string>(StringComparer.Ordinal)
    {
        FieldKeys.Status, FieldKeys.Risk, FieldKeys.Persons, FieldKeys.RepeatOf, FieldKeys.Satisfaction,
        FieldKeys.Level, FieldKeys.ReceivedAt, FieldKeys.ExtensionDays,
    };

    // Values with few distinct texts are shared between records.
    private static readonly HashSet<string> SharedValues = new(StringComparer.Ordinal)
    {
        FieldKeys.Status, FieldKeys.Risk, FieldKeys.Satisfaction, FieldKeys.Level,
    };

    internal RecordSummary(string id, RecordType type, bool voided, long createdSeq, long lastSeq, long createdAtMs, long updatedAtMs,
        long reportedAtMs, long occurredAtMs, KeyValuePair<string, FieldValue>[] fields, KeyValuePair<string, long>[] marks)
    {
        Id = id;
        Type = type;
        Voided = voided;
        CreatedSeq = createdSeq;
        LastSeq = lastSeq;
        CreatedAtMs = createdAtMs;
        UpdatedAtMs = updatedAtMs;
        ReportedAtMs = reportedAtMs;
        OccurredAtMs = occurredAtMs;
        Fields = fields;
        Marks = marks;
    }

    public string Id { get; }
    public RecordType Type { get; }
    public bool Voided { get; }
    public long CreatedSeq { get; }
    public long LastSeq { get; }
    public long CreatedAtMs { get; }
    public long UpdatedAtMs { get; }
    public long ReportedAtMs { get; }
    public long OccurredAtMs { get; }

    /// <summary>The kept fields the record has, in key order.</summary>
    public IReadOnlyList<KeyValuePair<string, FieldValue>> Fields { get; }

    /// <summary>Every mark (workflow action, level reached) as Unix milliseconds, in key order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Marks { get; }

    public string Status
    {
        get
        {
            foreach (var (k, v) in Fields)
            {
                if (k == FieldKeys.Status)
                {
                    return v.ToString();
                }
            }
            return "";
        }
    }

    public static RecordSummary From(RecordSnapshot r)
    {
        var fields = new List<KeyValuePair<string, FieldValue>>(4);
        foreach (var (k, v) in r.Fields)
        {
            if (KeptFields.Contains(k))
            {
                fields.Add(new(Share(k), Share(k, v)));
            }
        }
        var marks = new KeyValuePair<string, long>[r.Marks.Count];
        var i = 0;
        foreach (var (k, at) in r.Marks)
        {
            marks[i++] = new(string.Intern(k), at.ToUnixTimeMilliseconds());
        }
        return new RecordSummary(r.Id, r.Type, r.Voided, r.CreatedSeq, r.LastSeq,
            r.CreatedAt.ToUnixTimeMilliseconds(), r.UpdatedAt.ToUnixTimeMilliseconds(),
            r.ReportedAt.ToUnixTimeMilliseconds(), r.OccurredAt.ToUnixTimeMilliseconds(), [.. fields], marks);
    }

    /// <summary>
    /// A snapshot holding only what this summary keeps (no summary text, names, places): for computing
    /// indicators and deadlines, never for display. Each call makes a new one.
    /// </summary>
    public RecordSnapshot ToSnapshot()
    {
        var snapshot = new RecordSnapshot
        {
            Id = Id,
            Type = Type,
            Voided = Voided,
            CreatedSeq = CreatedSeq,
            LastSeq = LastSeq,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAtMs),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAtMs),
        };
        foreach (var (k, v) in Fields)
        {
            snapshot.Fields[k] = v;
        }
        foreach (var (k, ms) in Marks)
        {
            snapshot.Marks[k] = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        snapshot.PrimeTimes(DateTimeOffset.FromUnixTimeMilliseconds(ReportedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(OccurredAtMs));
        return snapshot;
    }

    /// <summary>Same record state (for tests and the consistency check).</summary>
    public bool SameAs(RecordSummary other) =>
        Id == other.Id && Type == other.Type && Voided == other.Voided && CreatedSeq == other.CreatedSeq && LastSeq == other.LastSeq
        && CreatedAtMs == other.CreatedAtMs && UpdatedAtMs == other.UpdatedAtMs && ReportedAtMs == other.ReportedAtMs
        && OccurredAtMs == other.OccurredAtMs && Fields.SequenceEqual(other.Fields) && Marks.SequenceEqual(other.Marks);

    internal static string Share(string key) => string.Intern(key);

    internal static FieldValue Share(string key, FieldValue v) =>
        !v.IsNumber && SharedValues.Contains(key) ? FieldValue.Of(string.Intern(v.Text!)) : v;

    internal void Write(BinaryWriter w)
    {
        w.Write(Id);
        w.Write((byte)Type);
        w.Write(Voided);
        w.Write(CreatedSeq);
        w.Write(LastSeq);
        w.Write(CreatedAtMs);
        w.Write(UpdatedAtMs);
        w.Write(ReportedAtMs);
        w.Write(OccurredAtMs);
        w.Write7BitEncodedInt(Fields.Count);
        foreach (var (k, v) in Fields)
        {
            w.Write(k);
            w.Write(v.IsNumber);
            if (v.IsNumber)
            {
                w.Write(v.Number);
            }
            else
            {
                w.Write(v.Text!);
            }
        }
        w.Write7BitEncodedInt(Marks.Count);
        foreach (var (k, ms) in Marks)
        {
            w.Write(k);
            w.Write(ms);
        }
    }

    internal static RecordSummary Read(BinaryReader r)
    {
        var id = r.ReadString();
        var type = (RecordType)r.ReadByte();
        if (!Enum.IsDefined(type))
        {
            throw new InvalidDataException($"unknown record type {(int)type}");
        }
        var voided = r.ReadBoolean();
        var createdSeq = r.ReadInt64();
        var lastSeq = r.ReadInt64();
        var createdAt = r.ReadInt64();
        var updatedAt = r.ReadInt64();
        var reportedAt = r.ReadInt64();
        var occurredAt = r.ReadInt64();
        var fields = new KeyValuePair<string, FieldValue>[Count(r)];
        for (var i = 0; i < fields.Length; i++)
        {
            var k = Share(r.ReadString());
            fields[i] = new(k, Share(k, r.ReadBoolean() ? FieldValue.Of(r.ReadInt64()) : FieldValue.Of(r.ReadString())));
        }
        var marks = new KeyValuePair<string, long>[Count(r)];
        for (var i = 0; i < marks.Length; i++)
        {
            marks[i] = new(string.Intern(r.ReadString()), r.ReadInt64());
        }
        return new RecordSummary(id, type, voided, createdSeq, lastSeq, createdAt, updatedAt, reportedAt, occurredAt, fields, marks);
    }

    private static int Count(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        return n is >= 0 and <= 1024 ? n : throw new InvalidDataException($"implausible count {n}");
    }
}
