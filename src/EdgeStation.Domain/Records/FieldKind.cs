namespace EdgeStation.Domain.Records;

public enum FieldKind
{
    Text,
    Integer,
    /// <summary>One of a fixed list of values.</summary>
    Choice,
    /// <summary>A point in time, stored in UTC; input may be a local date or local date-time.</summary>
    Instant,
    /// <summary>The id of another record of a given type.</summary>
    RecordRef,
}
