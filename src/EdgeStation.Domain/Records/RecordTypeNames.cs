namespace EdgeStation.Domain.Records;

/// <summary>The command-line and ledger names of record types, and their id prefixes.</summary>
public static class RecordTypeNames
{
    public static readonly IReadOnlyList<RecordType> All = Enum.GetValues<RecordType>();

    public static string Name(RecordType type) => type switch
    {
        RecordType.Dispute => "dispute",
        RecordType.Petition => "petition",
        RecordType.Case => "case",
        RecordType.Lawsuit => "lawsuit",
        RecordType.Cult => "cult",
        RecordType.GridEvent => "grid-event",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Ids read "DS-2026-0042": short, typeable at a kiosk, unique per station.</summary>
    public static string IdPrefix(RecordType type) => type switch
    {
        RecordType.Dispute => "DS",
        RecordType.Petition => "PT",
        RecordType.Case => "CS",
        RecordType.Lawsuit => "LS",
        RecordType.Cult => "CU",
        RecordType.GridEvent => "GE",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? name, out RecordType type)
    {
        foreach (var t in All)
        {
            if (string.Equals(Name(t), name, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static string AllNames => string.Join(", ", All.Select(Name));
}
