namespace EdgeStation.Domain.Records;

/// <summary>
/// One change to one record, as the ledger keeps it: create, a workflow action, amend or void.
/// The ledger never updates a record in place; a record's state is the fold of its events.
/// </summary>
public sealed record RecordEvent
{
    public const string Create = "create";
    public const string Amend = "amend";
    public const string Void = "void";
    /// <summary>The entry type of the station's own first entry (start date, village).</summary>
    public const string StationType = "station";
    public const string StationInit = "init";
    /// <summary>The entry type of account changes (Accounts/UserCommands): who added, removed or changed whom. Never a hash.</summary>
    public const string UserType = "user";
    /// <summary>The entry type of an imported holiday schedule (Calendar/HolidayImports).</summary>
    public const string CalendarType = "calendar";
    /// <summary>The entry type of door access rights given or taken (Doors/AccessCommands): persons, cards, PIN changes (never the PIN), levels, schedules.</summary>
    public const string AccessType = "access";
    /// <summary>The entry type of work on the stored state itself: `records rebuild` re-deriving it from the ledger.</summary>
    public const string StateType = "state";
    public const string StateRecordId = "station:state";
    public const string RebuildAction = "rebuild";

    public required string Type { get; init; }
    public required string RecordId { get; init; }
    public required string Action { get; init; }
    public required string Actor { get; init; }
    /// <summary>UTC, millisecond precision (the canonical encoding keeps exactly that).</summary>
    public required DateTimeOffset At { get; init; }
    public SortedDictionary<string, FieldValue> Fields { get; init; } = new(StringComparer.Ordinal);
    public string? Note { get; init; }
    /// <summary>For amend and void: the ledger seq of the entry that created the record being corrected.</summary>
    public long? RefSeq { get; init; }
    /// <summary>The client's idempotency key and request digest, when the write came with one (API, kiosk, CLI through the service).</summary>
    public RequestKey? Request { get; init; }

    /// <summary>Whether entries of <paramref name="type"/> are record events that the projection folds (not station, account, calendar, access or state entries).</summary>
    public static bool IsRecordEntry(string type) => type is not (StationType or UserType or CalendarType or AccessType or StateType);

    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
