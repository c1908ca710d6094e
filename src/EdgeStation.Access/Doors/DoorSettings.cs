using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Doors;

/// <summary>
/// One door as configured (pins are BCM numbers): the lock relay and its polarity, the fail mode of the lock
/// actually fitted, contact and exit button, buzzer and LED, the in/out readers, and the rules of the door.
/// </summary>
public sealed record DoorSettings(int Id, string Name, int LockPin)
{
    public bool LockActiveHigh { get; init; } = true;
    public LockFailMode FailMode { get; init; } = LockFailMode.FailSecure;
    public TimeSpan Pulse { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan HeldOpenAfter { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>A normally-closed contact to ground with the pull-up: High means open (and a cut wire reads open).</summary>
    public int? ContactPin { get; init; }
    public int? RexPin { get; init; }
    public int? BuzzerPin { get; init; }
    public int? LedPin { get; init; }
    public WiegandPins? ReaderIn { get; init; }
    public WiegandPins? ReaderOut { get; init; }
    /// <summary>A separate Wiegand keypad (4- or 8-bit bursts) outside the door; keys typed on a reader's own keypad count too.</summary>
    public WiegandPins? Keypad { get; init; }
    public CredentialMode Mode { get; init; } = CredentialMode.CardOrPin;
    /// <summary>Outside this schedule the door asks for <see cref="ModeOutside"/> instead (e.g. card+PIN at night); null: always <see cref="Mode"/>.</summary>
    public int? ModeSchedule { get; init; }
    public CredentialMode ModeOutside { get; init; } = CredentialMode.CardAndPin;
    public AntiPassbackKind AntiPassback { get; init; } = AntiPassbackKind.None;
    /// <summary>Doors with the same zone share anti-passback state (the compound's gate in and out).</summary>
    public string? AntiPassbackZone { get; init; }
    /// <summary>After this long with no passage the person may pass either way again (timed reset).</summary>
    public TimeSpan AntiPassbackReset { get; init; } = TimeSpan.FromHours(12);
    /// <summary>Doors with the same group form a mantrap (互锁): one opens only while every other is shut and locked.</summary>
    public string? InterlockGroup { get; init; }
    /// <summary>首卡开门: during this schedule the door stays unlocked once a first-in person has been let in; null: off.</summary>
    public int? FirstInSchedule { get; init; }

    public IEnumerable<(string Role, int Pin)> Pins()
    {
        yield return ("lock", LockPin);
        foreach (var (role, pin) in new[] { ("contact", ContactPin), ("rex", RexPin), ("buzzer", BuzzerPin), ("led", LedPin) })
        {
            if (pin is { } p)
            {
                yield return (role, p);
            }
        }
        if (ReaderIn is { } r)
        {
            yield return ("reader-in D0", r.D0);
            yield return ("reader-in D1", r.D1);
        }
        if (ReaderOut is { } o)
        {
            yield return ("reader-out D0", o.D0);
            yield return ("reader-out D1", o.D1);
        }
        if (Keypad is { } k)
        {
            yield return ("keypad D0", k.D0);
            yield return ("keypad D1", k.D1);
        }
    }
}
