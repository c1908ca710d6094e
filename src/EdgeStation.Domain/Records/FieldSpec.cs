namespace EdgeStation.Domain.Records;

/// <summary>One field of a record type: its key in the ledger, its command-line option, and its rules.</summary>
public sealed record FieldSpec(string Key, string Option, FieldKind Kind, string Description)
{
    public bool Required { get; init; }
    /// <summary>Names, phone numbers, ID numbers and free text: kept on the box, dropped by <c>--redact</c>.</summary>
    public bool Personal { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];
    public long Min { get; init; } = long.MinValue;
    public long Max { get; init; } = long.MaxValue;
    public int MaxLength { get; init; } = 2000;
    public RecordType? RefType { get; init; }
    /// <summary>A value check beyond kind and range (ID-number checksum, phone format); returns an error or null.</summary>
    public Func<string, string?>? Check { get; init; }
}
