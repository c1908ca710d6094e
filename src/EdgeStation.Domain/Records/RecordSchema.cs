namespace EdgeStation.Domain.Records;

/// <summary>The fields of one record type.</summary>
public sealed class RecordSchema(RecordType type, IReadOnlyList<FieldSpec> fields)
{
    public RecordType Type { get; } = type;
    public IReadOnlyList<FieldSpec> Fields { get; } = fields;

    /// <summary>Fields a person enters (on create or amend); the rest are set by workflow actions.</summary>
    public IEnumerable<FieldSpec> InputFields => Fields.Where(f => !TransitionOnly.Contains(f.Key));

    public IReadOnlySet<string> TransitionOnly { get; init; } = new HashSet<string>();

    public FieldSpec? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public IEnumerable<string> PersonalKeys => Fields.Where(f => f.Personal).Select(f => f.Key);
}
