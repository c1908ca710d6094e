using System.Globalization;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Schedules;

namespace EdgeStation.Domain.Doors;

/// <summary>
/// Who may open which door when: persons, cards, PIN hashes, access levels and schedules, all in memory so a door
/// never waits on storage (ARCHITECTURE invariant 4). The state is the fold of the ledger's <c>access</c> entries
/// (<see cref="Apply"/>) plus the PIN hashes, which the station keeps apart because they are secrets.
/// Changes are built by <see cref="AccessCommands"/>, appended to the ledger, then applied here.
/// Thread-safe: readers (door callbacks) and the writer share one short lock.
/// </summary>
public sealed class AccessRights
{
    /// <summary>Schedule 0 is built in: always open, holidays included; it cannot be changed or removed.</summary>
    public const int AlwaysSchedule = 0;
    /// <summary>ZKTeco-class controllers offer 256 of each; we allow four times that.</summary>
    public const int MaxSchedules = 1024;
    public const int MaxLevels = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccessPerson> _persons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _cards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PinOwner> _pins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? Pin, string? Duress)> _pinsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AccessLevel> _levels = [];
    private readonly Dictionary<int, AccessSchedule> _schedules = new() { [AlwaysSchedule] = new(AlwaysSchedule, "always", WeeklySchedule.Always) };
    private int _lastPerson;

    private readonly record struct PinOwner(string Person, bool Duress);

    public int PersonCount { get { lock (_gate) { return _persons.Count; } } }
    public int CardCount { get { lock (_gate) { return _cards.Count; } } }

    public AccessPerson? Person(string id)
    {
        lock (_gate)
        {
            return _persons.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<AccessPerson> Persons()
    {
        lock (_gate)
        {
            return [.. _persons.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<CardId> CardsOf(string personId)
    {
        lock (_gate)
        {
            return [.. _cards.Where(c => c.Value == personId).Select(c => CardId.Parse(c.Key)).OrderBy(c => c.Text, StringComparer.Ordinal)];
        }
    }

    public AccessPerson? PersonByCard(CardId card)
    {
        lock (_gate)
        {
            return _cards.TryGetValue(card.Text, out var id) ? _persons.GetValueOrDefault(id) : null;
        }
    }

    public string? CardOwner(CardId card)
    {
        lock (_gate)
        {
            return _cards.GetValueOrDefault(card.Text);
        }
    }

    public PinMatch? PersonByPinHash(string pinHash)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pinHash, out var owner) && _persons.TryGetValue(owner.Person, out var p) ? new PinMatch(p, owner.Duress) : null;
        }
    }

    /// <summary>The holder of <paramref name="pinHash"/> other than <paramref name="personId"/>, if any (PIN-only doors need unique PINs).</summary>
    public string? OtherPinHolder(string pinHash, string personId)
    {
        lock (_gate)
        {
            return _pins.TryGetValue(pinHash, out var o) && o.Person != personId ? o.Person : null;
        }
    }

    public bool HasPin(string personId, bool duress)
    {
        lock (_gate)
        {
            return _pinsOf.TryGetValue(personId, out var p) && (duress ? p.Duress : p.Pin) is not null;
        }
    }

    public AccessSchedule? Schedule(int id)
    {
        lock (_gate)
        {
            return _schedules.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<AccessSchedule> Schedules()
    {
        lock (_gate)
        {
            return [.. _schedules.Values.OrderBy(s => s.Id)];
        }
    }

    public AccessLevel? Level(int id)
    {
        lock (_gate)
        {
            return _levels.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<AccessLevel> Levels()
    {
        lock (_gate)
        {
            return [.. _levels.Values.OrderBy(l => l.Id)];
        }
    }

    /// <summary>
    /// Whether one of <paramref name="person"/>'s levels opens <paramref name="door"/> at the station-local time
    /// <paramref name="local"/>. A level naming a removed schedule opens nothing (fail closed).
    /// </summary>
    public bool MayOpen(AccessPerson person, int door, DateTime local, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(person);
        lock (_gate)
        {
            foreach (var levelId in person.Levels)
            {
                if (!_levels.TryGetValue(levelId, out var level))
                {
                    continue;
                }
                foreach (var d in level.Doors)
                {
                    if (d.Door == door && _schedules.TryGetValue(d.Schedule, out var s) && s.Week.IsOpen(local, calendar))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /// <summary>Reserves the next person id ("P-000001"); ids are never reused.</summary>
    internal string NextPersonId()
    {
        lock (_gate)
        {
            _lastPerson++;
            return PersonId(_lastPerson);
        }
    }

    public static string PersonId(int n) => string.Create(CultureInfo.InvariantCulture, $"P-{n:000000}");

    /// <summary>Stores the hash of a person's PIN (or duress PIN); null clears it. Kept out of the ledger: the station's pin store calls this.</summary>
    public void SetPinHash(string personId, string? hash, bool duress)
    {
        lock (_gate)
        {
            var current = _pinsOf.GetValueOrDefault(personId);
            var old = duress ? current.Duress : current.Pin;
            if (old is not null && _pins.TryGetValue(old, out var o) && o.Person == personId)
            {
                _pins.Remove(old);
            }
            if (hash is not null)
            {
                _pins[hash] = new PinOwner(personId, duress);
            }
            _pinsOf[personId] = duress ? current with { Duress = hash } : current with { Pin = hash };
        }
    }

    /// <summary>Folds one ledger entry of type <c>access</c>; entries of other types are ignored.</summary>
    public void Apply(RecordEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Type != RecordEvent.AccessType)
        {
            return;
        }
        lock (_gate)
        {
            switch (e.Action)
            {
                case AccessEntryKeys.PersonAdd:
                    var id = Text(e, AccessEntryKeys.Id);
                    _persons[id] = new AccessPerson(id, Text(e, AccessEntryKeys.Name))
                    {
                        ValidFrom = Date(e, AccessEntryKeys.From),
                        ValidUntil = Date(e, AccessEntryKeys.Until),
                        FirstIn = e.Fields.TryGetValue(AccessEntryKeys.FirstIn, out var fi) && fi.Number == 1,
                        Levels = Ints(e, AccessEntryKeys.Levels),
                    };
                    if (int.TryParse(id.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        _lastPerson = Math.Max(_lastPerson, n);
                    }
                    break;
                case AccessEntryKeys.PersonLevels:
                    var pid = Text(e, AccessEntryKeys.Id);
                    if (_persons.TryGetValue(pid, out var p))
                    {
                        _persons[pid] = p with { Levels = Ints(e, AccessEntryKeys.Levels) };
                    }
                    break;
                case AccessEntryKeys.PersonRemove:
                    var gone = Text(e, AccessEntryKeys.Id);
                    _persons.Remove(gone);
                    foreach (var card in _cards.Where(c => c.Value == gone).Select(c => c.Key).ToList())
                    {
                        _cards.Remove(card);
                    }
                    if (_pinsOf.Remove(gone, out var pins))
                    {
                        _pins.Remove(pins.Pin ?? "");
                        _pins.Remove(pins.Duress ?? "");
                    }
                    break;
                case AccessEntryKeys.CardAdd:
                    _cards[Text(e, AccessEntryKeys.Card)] = Text(e, AccessEntryKeys.Person);
                    break;
                case AccessEntryKeys.CardRemove:
                    _cards.Remove(Text(e, AccessEntryKeys.Card));
                    break;
                case AccessEntryKeys.ScheduleSet:
                    var sid = (int)e.Fields[AccessEntryKeys.Id].Number;
                    _schedules[sid] = new AccessSchedule(sid, Text(e, AccessEntryKeys.Name), WeeklySchedule.Parse(Text(e, AccessEntryKeys.Week)));
                    break;
                case AccessEntryKeys.ScheduleRemove:
                    _schedules.Remove((int)e.Fields[AccessEntryKeys.Id].Number);
                    break;
                case AccessEntryKeys.LevelSet:
                    var lid = (int)e.Fields[AccessEntryKeys.Id].Number;
                    _levels[lid] = new AccessLevel(lid, Text(e, AccessEntryKeys.Name), LevelDoors(Text(e, AccessEntryKeys.Doors)));
                    break;
                case AccessEntryKeys.LevelRemove:
                    var removed = (int)e.Fields[AccessEntryKeys.Id].Number;
                    _levels.Remove(removed);
                    // Its holders lose it for good: a level added later under the same number gives them nothing.
                    foreach (var holder in _persons.Values.Where(x => x.Levels.Contains(removed)).ToList())
                    {
                        _persons[holder.Id] = holder with { Levels = [.. holder.Levels.Where(l => l != removed)] };
                    }
                    break;
                default:
                    // pin-set / pin-clear only record the fact; the hash comes from the pin store.
                    break;
            }
        }
    }

    /// <summary>"1@0,2@5" → door 1 on schedule 0, door 2 on schedule 5.</summary>
    public static IReadOnlyList<LevelDoor> LevelDoors(string text)
    {
        var doors = new List<LevelDoor>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ds = part.Split('@');
            if (ds.Length != 2
                || !int.TryParse(ds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var door)
                || !int.TryParse(ds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var schedule))
            {
                throw new AccessInputException($"'{part}' is not DOOR@SCHEDULE (e.g. 1@0 for door 1 at any time)");
            }
            doors.Add(new LevelDoor(door, schedule));
        }
        return doors;
    }

    public static string LevelDoorsText(IEnumerable<LevelDoor> doors) =>
        string.Join(',', doors.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Door}@{d.Schedule}")));

    private static string Text(RecordEvent e, string key) =>
        e.Fields.TryGetValue(key, out var v) ? v.ToString() : throw new InvalidOperationException($"access entry {e.Action} lacks '{key}'");

    private static DateOnly? Date(RecordEvent e, string key) =>
        e.Fields.TryGetValue(key, out var v) ? DateOnly.ParseExact(v.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static int[] Ints(RecordEvent e, string key) =>
        e.Fields.TryGetValue(key, out var v)
            ? [.. v.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
            : [];
}
