using EdgeStation.Access.Doors;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Decisions;

/// <summary>
/// Decides an attempt from memory only (ARCHITECTURE invariant 4): door mode, credentials against the door's mode
/// at this hour, validity, access levels and schedules with the holiday calendar, face as a second factor, interlock,
/// anti-passback. Never touches storage; the caller logs the decision through a queue.
/// </summary>
public sealed class AccessDecider
{
    private readonly AccessRights _rights;
    private readonly IReadOnlyDictionary<int, DoorUnit> _doors;
    private readonly StationTime _zone;
    private readonly TimeProvider _time;
    private readonly PinHasher _pins;
    private readonly ICredentialVerifier? _face;
    private volatile HolidayCalendar _calendar;

    public AccessDecider(AccessRights rights, IReadOnlyDictionary<int, DoorUnit> doors, HolidayCalendar calendar, StationTime zone,
        TimeProvider time, PinHasher pins, ICredentialVerifier? face = null)
    {
        _rights = rights;
        _doors = doors;
        _calendar = calendar;
        _zone = zone;
        _time = time;
        _pins = pins;
        _face = face;
        Passback = new AntiPassbackBook(time);
    }

    public AntiPassbackBook Passback { get; }

    /// <summary>Swapped when a holiday schedule is imported.</summary>
    public HolidayCalendar Calendar { get => _calendar; set => _calendar = value; }

    public DateTime LocalNow => TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone.Zone).DateTime;

    /// <summary>The credential mode the door asks for now.</summary>
    public CredentialMode ModeAt(DoorSettings door, DateTime local) =>
        door.ModeSchedule is { } s && !(_rights.Schedule(s)?.Week.IsOpen(local, _calendar) ?? false) ? door.ModeOutside : door.Mode;

    public AccessDecision Decide(AccessRequest request)
    {
        if (!_doors.TryGetValue(request.Door, out var unit))
        {
            return AccessDecision.Deny(DecisionReason.UnknownDoor);
        }
        var door = unit.Settings;
        switch (unit.Logic.Mode)
        {
            case DoorMode.Lockdown:
                return AccessDecision.Deny(DecisionReason.Lockdown);
            case DoorMode.FreePassage:
                return new AccessDecision(true, DecisionReason.FreePassage, Identify(request));
        }
        var local = LocalNow;
        var mode = ModeAt(door, local);

        AccessPerson? person = null;
        if (request.Card is { } card)
        {
            person = _rights.PersonByCard(card);
            if (person is null)
            {
                return AccessDecision.Deny(DecisionReason.UnknownCard);
            }
        }
        PinMatch? pin = null;
        if (request.Pin is { } typed)
        {
            pin = TryPin(typed);
            if (pin is null)
            {
                return AccessDecision.Deny(DecisionReason.UnknownPin, person?.Id);
            }
            if (person is not null && pin.Value.Person.Id != person.Id)
            {
                return AccessDecision.Deny(DecisionReason.PinMismatch, person.Id);
            }
            person ??= pin.Value.Person;
        }
        if (person is null)
        {
            return AccessDecision.Deny(DecisionReason.UnknownCard);
        }

        // Face answers only as a second factor; with no answer the door asks for the PIN instead.
        if (CredentialModes.NeedsFace(mode))
        {
            var face = _face?.Verify(person.Id, door.Id);
            if (face == false)
            {
                return AccessDecision.Deny(DecisionReason.FaceMismatch, person.Id);
            }
            if (face is null)
            {
                mode = CredentialMode.CardAndPin;
            }
        }
        if (CredentialModes.NeedsCard(mode) && request.Card is null)
        {
            return AccessDecision.Deny(DecisionReason.CardRequired, person.Id);
        }
        if (CredentialModes.NeedsPin(mode) && pin is null)
        {
            return request.Card is not null && mode is CredentialMode.CardAndPin or CredentialMode.PinAndFace
                ? AccessDecision.Deny(DecisionReason.AwaitingPin, person.Id)
                : AccessDecision.Deny(DecisionReason.PinRequired, person.Id);
        }

        if (!person.IsValidOn(DateOnly.FromDateTime(local)))
        {
            return AccessDecision.Deny(DecisionReason.NotValid, person.Id);
        }
        if (!_rights.MayOpen(person, door.Id, local, _calendar))
        {
            return AccessDecision.Deny(DecisionReason.NoRight, person.Id);
        }
        if (InterlockBlocks(door))
        {
            return AccessDecision.Deny(DecisionReason.Interlock, person.Id);
        }
        var violation = false;
        if (door.AntiPassback != AntiPassbackKind.None)
        {
            var zone = door.AntiPassbackZone ?? $"door-{door.Id}";
            if (Passback.WouldRepeat(zone, person.Id, request.Direction, door.AntiPassbackReset))
            {
                if (door.AntiPassback == AntiPassbackKind.Hard)
                {
                    return AccessDecision.Deny(DecisionReason.AntiPassback, person.Id);
                }
                violation = true;
            }
            Passback.Passed(zone, person.Id, request.Direction);
        }
        return new AccessDecision(true, DecisionReason.Granted, person.Id)
        {
            Duress = pin?.Duress ?? false,
            PassbackViolation = violation,
            StartsFirstIn = person.FirstIn && door.FirstInSchedule is { } fs && (_rights.Schedule(fs)?.Week.IsOpen(local, _calendar) ?? false),
        };
    }

    /// <summary>Whether first-person-in still holds the door open at this hour.</summary>
    public bool FirstInOpen(DoorSettings door) =>
        door.FirstInSchedule is { } fs && (_rights.Schedule(fs)?.Week.IsOpen(LocalNow, _calendar) ?? false);

    /// <summary>Any other door of the mantrap open or unlocked.</summary>
    private bool InterlockBlocks(DoorSettings door)
    {
        if (door.InterlockGroup is not { } group)
        {
            return false;
        }
        foreach (var other in _doors.Values)
        {
            if (other.Settings.Id != door.Id && other.Settings.InterlockGroup == group && (other.Logic.IsOpen || other.Logic.Outputs.Unlocked))
            {
                return true;
            }
        }
        return false;
    }

    private PinMatch? TryPin(string typed)
    {
        try
        {
            return _rights.PersonByPinHash(_pins.Hash(typed));
        }
        catch (AccessInputException)
        {
            return null;
        }
    }

    private string? Identify(AccessRequest request) =>
        request.Card is { } c ? _rights.PersonByCard(c)?.Id
        : request.Pin is { } p ? TryPin(p)?.Person.Id
        : null;
}
