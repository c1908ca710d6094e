using System.Device.Gpio;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Gpio;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Schedules;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Doors;

/// <summary>
/// Two doors and a one-button alarm on the simulated chip, as hardware/pinmap.md wires them: door 1 "front"
/// (card-or-PIN, fail-safe magnetic lock on an active-low relay, reader + keypad), door 2 "archive" (card+PIN,
/// fail-secure strike), panic button on GPIO 4. Office schedule 1 (weekdays 08:00–18:00); level 1 all doors any time.
/// The clock starts Monday 2026-03-02 10:00 Shanghai. Every door event is collected in <see cref="Events"/>.
/// </summary>
public sealed class StationDoors : IDisposable
{
    public static readonly DateTimeOffset MondayTen = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public static readonly DoorSettings Front = new(1, "front", 17)
    {
        LockActiveHigh = false,
        FailMode = LockFailMode.FailSafe,
        ContactPin = 27,
        RexPin = 22,
        BuzzerPin = 23,
        LedPin = 24,
        ReaderIn = new WiegandPins(5, 6),
        Keypad = new WiegandPins(12, 13),
        Mode = CredentialMode.CardOrPin,
    };
    public static readonly DoorSettings Archive = new(2, "archive", 16)
    {
        FailMode = LockFailMode.FailSecure,
        ContactPin = 26,
        RexPin = 25,
        BuzzerPin = 20,
        ReaderIn = new WiegandPins(19, 21),
        Mode = CredentialMode.CardAndPin,
    };
    public static readonly AlarmInputSettings Panic = new("center panic", 4);

    public StationDoors(Func<DoorSettings, DoorSettings>? adjust = null)
    {
        Time = new FakeTimeProvider(MondayTen);
        Driver = new SimulatedGpioDriver(Time);
        Gpio = new GpioController(Driver);
        var commands = new AccessCommands(Rights, new HashSet<int> { 1, 2 });
        Rights.Apply(commands.SetSchedule(1, "office", WeeklySchedule.Parse("mon-fri 08:00-18:00; holiday closed"), "admin", MondayTen));
        Rights.Apply(commands.SetLevel(1, "all", [new LevelDoor(1, 0), new LevelDoor(2, 0)], "admin", MondayTen));
        Commands = commands;
        Hasher = new PinHasher([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        // Doors shut before the station starts.
        Driver.Drive(Front.ContactPin!.Value, PinValue.Low);
        Driver.Drive(Archive.ContactPin!.Value, PinValue.Low);
        Doors = [adjust?.Invoke(Front) ?? Front, adjust?.Invoke(Archive) ?? Archive];
        System = new AccessSystem(Gpio, Doors, [Panic], Rights, HolidayCalendar.Official, new StationTime("Asia/Shanghai"), Time, Hasher);
        System.Event += Events.Add;
    }

    public FakeTimeProvider Time { get; }
    public SimulatedGpioDriver Driver { get; }
    public GpioController Gpio { get; }
    public AccessRights Rights { get; } = new();
    public AccessCommands Commands { get; }
    public PinHasher Hasher { get; }
    public DoorSettings[] Doors { get; }
    public AccessSystem System { get; }
    public List<AccessEvent> Events { get; } = [];

    /// <summary>Adds a person with level 1 and card "1:N", and if given a PIN and a duress PIN.</summary>
    public string Person(int n, string? pin = null, string? duress = null, bool firstIn = false)
    {
        var add = Commands.AddPerson($"person {n}", null, null, [1], firstIn, "admin", MondayTen);
        Rights.Apply(add);
        var id = add.Fields[AccessEntryKeys.Id].Text!;
        Rights.Apply(Commands.AddCard(id, CardId.Wiegand(1, (uint)n), "admin", MondayTen));
        if (pin is not null)
        {
            Rights.SetPinHash(id, Hasher.Hash(pin), duress: false);
        }
        if (duress is not null)
        {
            Rights.SetPinHash(id, Hasher.Hash(duress), duress: true);
        }
        return id;
    }

    /// <summary>Swipes card "1:N" on the door's in-reader; the frame ends one frame gap later.</summary>
    public void Swipe(DoorSettings door, int n) => Burst(door.ReaderIn!.Value, SimulatedWiegand.CardBits(CardId.Wiegand(1, (uint)n)));

    /// <summary>Types keys ("1234#") on a Wiegand keypad, one 8-bit burst each.</summary>
    public void Type(WiegandPins keypad, string keys)
    {
        foreach (var k in keys)
        {
            Burst(keypad, SimulatedWiegand.KeyBits(k));
        }
    }

    public void Burst(WiegandPins pins, ReadOnlySpan<bool> bits)
    {
        SimulatedWiegand.Send(Driver, pins, bits);
        Time.Advance(WiegandDecoder.DefaultFrameGap);
    }

    public bool Unlocked(DoorSettings door) =>
        new LockRelay(door.LockActiveHigh, door.FailMode).Level(unlocked: true) == Driver.OutputLevel(door.LockPin);

    public int LockWrites(DoorSettings door) => Driver.Writes.Count(w => w.Pin == door.LockPin);

    public void Dispose()
    {
        System.Dispose();
        Gpio.Dispose();
    }
}
