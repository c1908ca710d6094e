using EdgeStation.Domain.Records;

namespace EdgeStation.Storage.Records;

/// <summary>
/// What the indicators and the deadline lists read of one record, and nothing more: type, voided, the two times
/// already parsed, every workflow mark, and the few fields in <see cref="KeptFields"/>. About 200 bytes a record
/// with its id (the full snapshot with its texts is several kilobytes), so 100,000 of them stay in memory. Immutable.
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

    internal RecordSummary(string id, RecordType type, bool voided, long lastSeq, long reportedAtMs, long occurredAtMs,
        string status, KeyValuePair<string, FieldValue>[] others, KeyValuePair<string, long>[] marks)
    {
        Id = id;
        Type = type;
        Voided = voided;
        LastSeq = lastSeq;
        ReportedAtMs = reportedAtMs;
        OccurredAtMs = occurredAtMs;
        Status = status;
        _others = others;
        _marks = marks;
    }

    // Most records (grid events) keep no field but their status: they share the empty array.
    private readonly KeyValuePair<string, FieldValue>[] _others;
    private readonly KeyValuePair<string, long>[] _marks;

    public string Id { get; }
    public RecordType Type { get; }
    public bool Voided { get; }

    /// <summary>The ledger entry that last changed the record.</summary>
    public long LastSeq { get; }

    /// <summary>When it was reported (falling back to when it was recorded), Unix milliseconds.</summary>
    public long ReportedAtMs { get; }

    /// <summary>When it happened (falling back to <see cref="ReportedAtMs"/>), Unix milliseconds.</summary>
    public long OccurredAtMs { get; }

    /// <summary>The status field ("" when none): shared strings.</summary>
    public string Status { get; }

    /// <summary>The kept fields besides the status, in key order.</summary>
    public IReadOnlyList<KeyValuePair<string, FieldValue>> Others => _others;

    /// <summary>Every mark (workflow action, level reached) as Unix milliseconds, in key order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Marks => _marks;

    public static RecordSummary From(RecordSnapshot r)
    {
        List<KeyValuePair<string, FieldValue>>? others = null;
        var status = "";
        foreach (var (k, v) in r.Fields)
        {
            if (k == FieldKeys.Status && !v.IsNumber)
            {
                status = string.Intern(v.Text!);
            }
            else if (KeptFields.Contains(k))
            {
                (others ??= []).Add(new(Share(k), Share(k, v)));
            }
        }
        var marks = r.Marks.Count == 0 ? [] : new KeyValuePair<string, long>[r.Marks.Count];
        var i = 0;
        foreach (var (k, at) in r.Marks)
        {
            marks[i++] = new(string.Intern(k), at.ToUnixTimeMilliseconds());
        }
        return new RecordSummary(r.Id, r.Type, r.Voided, r.LastSeq,
            r.ReportedAt.ToUnixTimeMilliseconds(), r.OccurredAt.ToUnixTimeMilliseconds(), status, others is null ? [] : [.. others], marks);
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
            LastSeq = LastSeq,
        };
        if (Status.Length > 0)
        {
            snapshot.Fields[FieldKeys.Status] = FieldValue.Of(Status);
        }
        foreach (var (k, v) in _others)
        {
            snapshot.Fields[k] = v;
        }
        foreach (var (k, ms) in _marks)
        {
            snapshot.Marks[k] = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        snapshot.PrimeTimes(DateTimeOffset.FromUnixTimeMilliseconds(ReportedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(OccurredAtMs));
        return snapshot;
    }

    /// <summary>Same record state (for tests and the consistency check).</summary>
    public bool SameAs(RecordSummary other) =>
        Id == other.Id && Type == other.Type && Voided == other.Voided && LastSeq == other.LastSeq
        && ReportedAtMs == other.ReportedAtMs && OccurredAtMs == other.OccurredAtMs && Status == other.Status
        && _others.SequenceEqual(other._others) && _marks.SequenceEqual(other._marks);

    internal static string Share(string key) => string.Intern(key);

    internal static FieldValue Share(string key, FieldValue v) =>
        !v.IsNumber && SharedValues.Contains(key) ? FieldValue.Of(string.Intern(v.Text!)) : v;

    internal void Write(BinaryWriter w)
    {
        w.Write(Id);
        w.Write((byte)Type);
        w.Write(Voided);
        w.Write(LastSeq);
        w.Write(ReportedAtMs);
        w.Write(OccurredAtMs);
        w.Write(Status);
        w.Write7BitEncodedInt(_others.Length);
        foreach (var (k, v) in _others)
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
        w.Write7BitEncodedInt(_marks.Length);
        foreach (var (k, ms) in _marks)
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
        var lastSeq = r.ReadInt64();
        var reportedAt = r.ReadInt64();
        var occurredAt = r.ReadInt64();
        var status = string.Intern(r.ReadString());
        var others = Count(r) is var n and > 0 ? new KeyValuePair<string, FieldValue>[n] : [];
        for (var i = 0; i < others.Length; i++)
        {
            var k = Share(r.ReadString());
            others[i] = new(k, Share(k, r.ReadBoolean() ? FieldValue.Of(r.ReadInt64()) : FieldValue.Of(r.ReadString())));
        }
        var marks = Count(r) is var m and > 0 ? new KeyValuePair<string, long>[m] : [];
        for (var i = 0; i < marks.Length; i++)
        {
            marks[i] = new(string.Intern(r.ReadString()), r.ReadInt64());
        }
        return new RecordSummary(id, type, voided, lastSeq, reportedAt, occurredAt, status, others, marks);
    }

    private static int Count(BinaryReader r)
    {
        var n = r.Read7BitEncodedInt();
        return n is >= 0 and <= 1024 ? n : throw new InvalidDataException($"implausible count {n}");
    }
}
