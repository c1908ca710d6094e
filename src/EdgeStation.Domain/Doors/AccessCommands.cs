using System.Globalization;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Schedules;

namespace EdgeStation.Domain.Doors;

/// <summary>
/// Validates a change of access rights against the current <see cref="AccessRights"/> and builds its ledger entry
/// (type <c>access</c>), so an auditor sees who gave whom access to the archive room and when. Nothing changes until
/// the caller has appended the entry and applied it. Never puts a PIN or its hash into an entry.
/// </summary>
public sealed class AccessCommands(AccessRights rights, IReadOnlySet<int> doors)
{
    public const int NameMaxLength = 64;

    public RecordEvent AddPerson(string name, DateOnly? from, DateOnly? until, IReadOnlyList<int> levels, bool firstIn, string actor, DateTimeOffset now)
    {
        var n = name?.Trim() ?? "";
        if (n.Length is 0 or > NameMaxLength || n.Any(char.IsControl))
        {
            throw new AccessInputException($"a person's name is 1–{NameMaxLength} characters without control characters");
        }
        if (from is { } f && until is { } u && u < f)
        {
            throw new AccessInputException($"the validity ends ({Day(u)}) before it starts ({Day(f)})");
        }
        CheckLevels(levels);
        var id = rights.NextPersonId();
        var fields = Fields((AccessEntryKeys.Id, FieldValue.Of(id)), (AccessEntryKeys.Name, FieldValue.Of(n)), (AccessEntryKeys.FirstIn, FieldValue.Of(firstIn ? 1 : 0)));
        if (from is { } ff)
        {
            fields[AccessEntryKeys.From] = FieldValue.Of(Day(ff));
        }
        if (until is { } uu)
        {
            fields[AccessEntryKeys.Until] = FieldValue.Of(Day(uu));
        }
        if (levels.Count > 0)
        {
            fields[AccessEntryKeys.Levels] = FieldValue.Of(LevelsText(levels));
        }
        return Entry("person:" + id, AccessEntryKeys.PersonAdd, actor, now, fields);
    }

    public RecordEvent SetLevels(string personId, IReadOnlyList<int> levels, string actor, DateTimeOffset now)
    {
        RequirePerson(personId);
        CheckLevels(levels);
        return Entry("person:" + personId, AccessEntryKeys.PersonLevels, actor, now,
            Fields((AccessEntryKeys.Id, FieldValue.Of(personId)), (AccessEntryKeys.Levels, FieldValue.Of(LevelsText(levels)))));
    }

    public RecordEvent RemovePerson(string personId, string actor, DateTimeOffset now)
    {
        RequirePerson(personId);
        return Entry("person:" + personId, AccessEntryKeys.PersonRemove, actor, now, Fields((AccessEntryKeys.Id, FieldValue.Of(personId))));
    }

    public RecordEvent AddCard(string personId, CardId card, string actor, DateTimeOffset now)
    {
        RequirePerson(personId);
        if (rights.CardOwner(card) is { } owner)
        {
            throw new AccessInputException($"card {card} already belongs to {owner}; remove it there first");
        }
        return Entry("card:" + card.Text, AccessEntryKeys.CardAdd, actor, now,
            Fields((AccessEntryKeys.Card, FieldValue.Of(card.Text)), (AccessEntryKeys.Person, FieldValue.Of(personId))));
    }

    public RecordEvent RemoveCard(CardId card, string actor, DateTimeOffset now)
    {
        var owner = rights.CardOwner(card) ?? throw new AccessInputException($"card {card} is not enrolled");
        return Entry("card:" + card.Text, AccessEntryKeys.CardRemove, actor, now,
            Fields((AccessEntryKeys.Card, FieldValue.Of(card.Text)), (AccessEntryKeys.Person, FieldValue.Of(owner))));
    }

    /// <summary>The entry for a PIN change; the caller checks the PIN (<see cref="PinRules"/>) and stores its hash apart.</summary>
    public RecordEvent PinChanged(string personId, bool duress, bool cleared, string actor, DateTimeOffset now)
    {
        RequirePerson(personId);
        return Entry("person:" + personId, cleared ? AccessEntryKeys.PinClear : AccessEntryKeys.PinSet, actor, now,
            Fields((AccessEntryKeys.Id, FieldValue.Of(personId)), (AccessEntryKeys.Duress, FieldValue.Of(duress ? 1 : 0))));
    }

    public RecordEvent SetSchedule(int id, string name, WeeklySchedule week, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(week);
        if (id is <= AccessRights.AlwaysSchedule or >= AccessRights.MaxSchedules)
        {
            throw new AccessInputException($"schedule numbers run 1–{AccessRights.MaxSchedules - 1} (0 is the built-in 'always')");
        }
        return Entry(string.Create(CultureInfo.InvariantCulture, $"schedule:{id}"), AccessEntryKeys.ScheduleSet, actor, now,
            Fields((AccessEntryKeys.Id, FieldValue.Of(id)), (AccessEntryKeys.Name, FieldValue.Of(CheckName(name))), (AccessEntryKeys.Week, FieldValue.Of(week.ToString()))));
    }

    /// <summary>
    /// `schedule add`: a new schedule at <paramref name="id"/>, or at the first free number when null. An existing number
    /// is refused unless <paramref name="replace"/> (a change of its times is then one more entry, so the history shows it).
    /// </summary>
    public RecordEvent AddSchedule(int? id, string name, WeeklySchedule week, bool replace, string actor, DateTimeOffset now)
    {
        var n = id ?? FirstFree(rights.Schedules().Select(s => s.Id), AccessRights.MaxSchedules, "schedules");
        if (!replace && n != AccessRights.AlwaysSchedule && rights.Schedule(n) is { } existing)
        {
            throw new AccessInputException($"schedule {n} ({existing.Name}) exists; remove it first, or replace it (--replace)");
        }
        return SetSchedule(n, name, week, actor, now);
    }

    /// <summary>`level add`: as <see cref="AddSchedule"/>, for a level (doors × schedules).</summary>
    public RecordEvent AddLevel(int? id, string name, IReadOnlyList<LevelDoor> levelDoors, bool replace, string actor, DateTimeOffset now)
    {
        var n = id ?? FirstFree(rights.Levels().Select(l => l.Id).Append(0), AccessRights.MaxLevels, "levels");
        if (!replace && rights.Level(n) is { } existing)
        {
            throw new AccessInputException($"level {n} ({existing.Name}) exists; remove it first, or replace it (--replace)");
        }
        if (levelDoors.Count == 0)
        {
            throw new AccessInputException("a level needs at least one door (DOOR or DOOR@SCHEDULE, e.g. 1 or 2@1)");
        }
        return SetLevel(n, name, levelDoors, actor, now);
    }

    private static int FirstFree(IEnumerable<int> taken, int max, string what)
    {
        var used = taken.ToHashSet();
        for (var i = 1; i < max; i++)
        {
            if (!used.Contains(i))
            {
                return i;
            }
        }
        throw new AccessInputException($"all {max - 1} {what} are in use; remove one first");
    }

    public RecordEvent RemoveSchedule(int id, string actor, DateTimeOffset now)
    {
        if (id == AccessRights.AlwaysSchedule || rights.Schedule(id) is null)
        {
            throw new AccessInputException(id == AccessRights.AlwaysSchedule ? "schedule 0 ('always') is built in" : $"there is no schedule {id}");
        }
        if (rights.Levels().FirstOrDefault(l => l.Doors.Any(d => d.Schedule == id)) is { } user)
        {
            throw new AccessInputException($"schedule {id} is used by level {user.Id} ({user.Name}); change that level first");
        }
        return Entry(string.Create(CultureInfo.InvariantCulture, $"schedule:{id}"), AccessEntryKeys.ScheduleRemove, actor, now, Fields((AccessEntryKeys.Id, FieldValue.Of(id))));
    }

    public RecordEvent SetLevel(int id, string name, IReadOnlyList<LevelDoor> levelDoors, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(levelDoors);
        if (id is < 1 or >= AccessRights.MaxLevels)
        {
            throw new AccessInputException($"level numbers run 1–{AccessRights.MaxLevels - 1}");
        }
        foreach (var d in levelDoors)
        {
            if (!doors.Contains(d.Door))
            {
                throw new AccessInputException($"there is no door {d.Door} (doors: {string.Join(", ", doors.Order())})");
            }
            if (rights.Schedule(d.Schedule) is null)
            {
                throw new AccessInputException($"there is no schedule {d.Schedule}");
            }
        }
        return Entry(string.Create(CultureInfo.InvariantCulture, $"level:{id}"), AccessEntryKeys.LevelSet, actor, now,
            Fields((AccessEntryKeys.Id, FieldValue.Of(id)), (AccessEntryKeys.Name, FieldValue.Of(CheckName(name))), (AccessEntryKeys.Doors, FieldValue.Of(AccessRights.LevelDoorsText(levelDoors)))));
    }

    public RecordEvent RemoveLevel(int id, string actor, DateTimeOffset now)
    {
        if (rights.Level(id) is null)
        {
            throw new AccessInputException($"there is no level {id}");
        }
        return Entry(string.Create(CultureInfo.InvariantCulture, $"level:{id}"), AccessEntryKeys.LevelRemove, actor, now, Fields((AccessEntryKeys.Id, FieldValue.Of(id))));
    }

    private void RequirePerson(string personId)
    {
        if (rights.Person(personId) is null)
        {
            throw new AccessInputException($"there is no person '{personId}' (edgestation person list)");
        }
    }

    private void CheckLevels(IReadOnlyList<int> levels)
    {
        foreach (var l in levels)
        {
            if (rights.Level(l) is null)
            {
                throw new AccessInputException($"there is no level {l}");
            }
        }
    }

    private static string CheckName(string name)
    {
        var n = name?.Trim() ?? "";
        return n.Length is > 0 and <= NameMaxLength && !n.Any(char.IsControl) ? n
            : throw new AccessInputException($"a name is 1–{NameMaxLength} characters without control characters");
    }

    private static string LevelsText(IReadOnlyList<int> levels) =>
        string.Join(',', levels.Distinct().Order().Select(l => l.ToString(CultureInfo.InvariantCulture)));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SortedDictionary<string, FieldValue> Fields(params (string Key, FieldValue Value)[] pairs)
    {
        var fields = new SortedDictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs)
        {
            fields[k] = v;
        }
        return fields;
    }

    private static RecordEvent Entry(string recordId, string action, string actor, DateTimeOffset now, SortedDictionary<string, FieldValue> fields) => new()
    {
        Type = RecordEvent.AccessType,
        RecordId = "access:" + recordId,
        Action = action,
        Actor = actor,
        At = RecordEvent.Truncate(now),
        Fields = fields,
    };
}
