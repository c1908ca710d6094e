using EdgeStation.Domain.Records;
using EdgeStation.Domain.Settings;
using EdgeStation.Domain.Workflows;

namespace EdgeStation.Domain.Tests.Support;

/// <summary>Times and days in the station's zone (Asia/Shanghai, UTC+8, no daylight saving).</summary>
public static class Cst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);

    public static DateOnly Day(int year, int month, int day) => new(year, month, day);
}

/// <summary>
/// Builds record snapshots the way the station does: every change goes through <see cref="RecordCommands"/>
/// (so it is validated) and is folded by <see cref="RecordProjector"/> with an increasing ledger seq.
/// The builder also keeps every record it made, for repeat-of lookups and for the indicator calculator.
/// </summary>
public sealed class RecordBuilder
{
    public const string Actor = "tester";

    private readonly Dictionary<string, RecordSnapshot> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<RecordType, int> _counters = [];
    private long _seq;

    public RecordBuilder(StationSettings? settings = null)
    {
        Settings = settings ?? new StationSettings();
        Commands = new RecordCommands(Settings);
    }

    public StationSettings Settings { get; }
    public RecordCommands Commands { get; }
    public IReadOnlyCollection<RecordSnapshot> All => _records.Values;

    /// <summary>The last ledger event appended (what the command produced).</summary>
    public RecordEvent? LastEvent { get; private set; }

    public RecordSnapshot? Find(string id) => _records.GetValueOrDefault(id);

    public string NextId(RecordType type, DateTimeOffset now)
    {
        var n = _counters[type] = _counters.GetValueOrDefault(type) + 1;
        return $"{RecordTypeNames.IdPrefix(type)}-{now.ToOffset(Cst.Offset).Year}-{n:0000}";
    }

    /// <summary>Creates a record at <paramref name="now"/> (reported-at defaults to it) with the given raw fields.</summary>
    public RecordSnapshot Create(RecordType type, DateTimeOffset now, params (string Key, string Value)[] fields)
    {
        var raw = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var e = Commands.Create(type, NextId(type, now), raw, Actor, now, Find);
        return Append(null, e);
    }

    public RecordSnapshot Act(RecordSnapshot record, string action, DateTimeOffset now, TransitionInput? input = null) =>
        Append(record, Commands.Transition(record, action, input ?? new TransitionInput(), Actor, now));

    public RecordSnapshot Amend(RecordSnapshot record, DateTimeOffset now, string? reason, params (string Key, string Value)[] fields)
    {
        var raw = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return Append(record, Commands.Amend(record, raw, reason, Actor, now, Find));
    }

    public RecordSnapshot Void(RecordSnapshot record, DateTimeOffset now, string? reason = "entered twice") =>
        Append(record, Commands.Void(record, reason, Actor, now));

    public RecordSnapshot Dispute(DateTimeOffset reported, string? risk = null, string category = "neighbours", int parties = 2)
    {
        var fields = new List<(string, string)> { (FieldKeys.Category, category), (FieldKeys.Parties, parties.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (risk is not null)
        {
            fields.Add((FieldKeys.Risk, risk));
        }
        return Create(RecordType.Dispute, reported, [.. fields]);
    }

    public RecordSnapshot Petition(DateTimeOffset received, int persons = 1, string? level = null, string? repeatOf = null)
    {
        var fields = new List<(string, string)> { (FieldKeys.Channel, "visit"), (FieldKeys.Persons, persons.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (level is not null)
        {
            fields.Add((FieldKeys.Level, level));
        }
        if (repeatOf is not null)
        {
            fields.Add((FieldKeys.RepeatOf, repeatOf));
        }
        return Create(RecordType.Petition, received, [.. fields]);
    }

    /// <summary>A criminal case reported at <paramref name="reported"/>, which happened at <paramref name="occurred"/> (default: then).</summary>
    public RecordSnapshot Case(DateTimeOffset reported, DateTimeOffset? occurred = null)
    {
        var fields = new List<(string, string)> { (FieldKeys.Kind, "criminal") };
        if (occurred is { } o)
        {
            fields.Add((FieldKeys.OccurredAt, Local(o)));
        }
        return Create(RecordType.Case, reported, [.. fields]);
    }

    public RecordSnapshot Lawsuit(DateTimeOffset reported) => Create(RecordType.Lawsuit, reported);

    public RecordSnapshot Cult(DateTimeOffset reported) => Create(RecordType.Cult, reported);

    public RecordSnapshot GridEvent(DateTimeOffset reported, string category = "safety-hazard") =>
        Create(RecordType.GridEvent, reported, (FieldKeys.Category, category));

    /// <summary>Local "yyyy-MM-ddTHH:mm" as typed at the kiosk.</summary>
    public static string Local(DateTimeOffset at) =>
        at.ToOffset(Cst.Offset).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private RecordSnapshot Append(RecordSnapshot? current, RecordEvent e)
    {
        var snapshot = RecordProjector.Apply(current, e, ++_seq);
        _records[snapshot.Id] = snapshot;
        LastEvent = e;
        return snapshot;
    }
}
