using System.Globalization;

namespace EdgeStation.Domain.Records;

/// <summary>A record as it stands after all its ledger events. Derived data: rebuildable from the ledger.</summary>
public sealed class RecordSnapshot
{
    public required string Id { get; init; }
    public required RecordType Type { get; init; }
    public SortedDictionary<string, FieldValue> Fields { get; init; } = new(StringComparer.Ordinal);
    /// <summary>When each workflow action first happened (e.g. "accept", "resolve"), UTC.</summary>
    public SortedDictionary<string, DateTimeOffset> Marks { get; init; } = new(StringComparer.Ordinal);
    public bool Voided { get; set; }
    public string? VoidReason { get; set; }
    public long CreatedSeq { get; set; }
    public long LastSeq { get; set; }
    public int Amendments { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string Status => Text(FieldKeys.Status) ?? "";

    /// <summary>A copy that shares nothing mutable: <see cref="RecordProjector.Apply"/> changes the snapshot it is given.</summary>
    public RecordSnapshot Copy()
    {
        var copy = new RecordSnapshot
        {
            Id = Id,
            Type = Type,
            Fields = new SortedDictionary<string, FieldValue>(Fields, StringComparer.Ordinal),
            Marks = new SortedDictionary<string, DateTimeOffset>(Marks, StringComparer.Ordinal),
            Voided = Voided,
            VoidReason = VoidReason,
            CreatedSeq = CreatedSeq,
            LastSeq = LastSeq,
            Amendments = Amendments,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
        copy.PrimeTimes(_reportedAt, _occurredAt);
        return copy;
    }

    public string? Text(string key) => Fields.TryGetValue(key, out var v) ? v.ToString() : null;

    public long? Number(string key) => Fields.TryGetValue(key, out var v) && v.IsNumber ? v.Number : null;

    public DateTimeOffset? Instant(string key) =>
        Fields.TryGetValue(key, out var v) && !v.IsNumber
            ? DateTimeOffset.ParseExact(v.Text!, FieldParser.InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    public DateTimeOffset? Mark(string action) => Marks.TryGetValue(action, out var at) ? at : null;

    private DateTimeOffset? _reportedAt;
    private DateTimeOffset? _occurredAt;

    /// <summary>When it happened; falls back to when it was reported, then recorded. Parsed once (indicators read it often).</summary>
    public DateTimeOffset OccurredAt => _occurredAt ??= Instant(FieldKeys.OccurredAt) ?? ReportedAt;

    public DateTimeOffset ReportedAt => _reportedAt ??= Instant(FieldKeys.ReportedAt) ?? CreatedAt;

    /// <summary>Supplies the two times already parsed (storage keeps them as numbers), or forgets them after fields change.</summary>
    public void PrimeTimes(DateTimeOffset? reportedAt, DateTimeOffset? occurredAt)
    {
        _reportedAt = reportedAt;
        _occurredAt = occurredAt;
    }
}
