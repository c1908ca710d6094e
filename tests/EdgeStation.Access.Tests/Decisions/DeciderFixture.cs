using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Schedules;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Decisions;

/// <summary>
/// A station with doors 1 (front, card-or-PIN), 2 (archive, card+PIN) and 3/4 (a mantrap), the office schedule
/// (1: weekdays 08:00–18:00, closed on holidays) and levels 1 (all doors any time) and 2 (archive in office hours).
/// The clock starts on Monday 2026-03-02 at 10:00 in Shanghai.
/// </summary>
public sealed class DeciderFixture : IDisposable
{
    public static readonly DateTimeOffset MondayTen = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public DeciderFixture(Func<DoorSettings, DoorSettings>? adjust = null, ICredentialVerifier? face = null)
    {
        Time = new FakeTimeProvider(MondayTen);
        var settings = new[]
        {
            new DoorSettings(1, "front", 17) { Mode = CredentialMode.CardOrPin },
            new DoorSettings(2, "archive", 18) { Mode = CredentialMode.CardAndPin },
            new DoorSettings(3, "mantrap outer", 19) { InterlockGroup = "trap" },
            new DoorSettings(4, "mantrap inner", 20) { InterlockGroup = "trap" },
        };
        Doors = settings.Select(s => adjust?.Invoke(s) ?? s)
            .ToDictionary(s => s.Id, s => new DoorUnit(s, new DoorLogic(Time, s.Pulse, s.HeldOpenAfter)));
        Commands = new AccessCommands(Rights, Doors.Keys.ToHashSet());
        Apply(Commands.SetSchedule(1, "office", WeeklySchedule.Parse("mon-fri 08:00-18:00; holiday closed"), "admin", MondayTen));
        Apply(Commands.SetLevel(1, "all", [new LevelDoor(1, 0), new LevelDoor(2, 0), new LevelDoor(3, 0), new LevelDoor(4, 0)], "admin", MondayTen));
        Apply(Commands.SetLevel(2, "archive office hours", [new LevelDoor(2, 1)], "admin", MondayTen));
        Hasher = new PinHasher(Key);
        Decider = new AccessDecider(Rights, Doors, HolidayCalendar.Official, new StationTime("Asia/Shanghai"), Time, Hasher, face);
    }

    public FakeTimeProvider Time { get; }
    public AccessRights Rights { get; } = new();
    public AccessCommands Commands { get; }
    public Dictionary<int, DoorUnit> Doors { get; }
    public PinHasher Hasher { get; }
    public AccessDecider Decider { get; }

    public void Apply(Domain.Records.RecordEvent e) => Rights.Apply(e);

    /// <summary>Adds a person with a card "1:N" and, if given, a PIN and a duress PIN.</summary>
    public string Person(int n, int[] levels, string? pin = null, string? duress = null, bool firstIn = false, DateOnly? until = null)
    {
        var add = Commands.AddPerson($"person {n}", null, until, levels, firstIn, "admin", MondayTen);
        Apply(add);
        var id = add.Fields[AccessEntryKeys.Id].Text!;
        Apply(Commands.AddCard(id, CardId.Wiegand(1, (uint)n), "admin", MondayTen));
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

    public AccessDecision Card(int door, int n, ReaderDirection direction = ReaderDirection.In) =>
        Decider.Decide(new AccessRequest(door, direction, CardId.Wiegand(1, (uint)n), null));

    public AccessDecision Pin(int door, string pin) => Decider.Decide(new AccessRequest(door, ReaderDirection.In, null, pin));

    public AccessDecision CardAndPin(int door, int n, string pin) =>
        Decider.Decide(new AccessRequest(door, ReaderDirection.In, CardId.Wiegand(1, (uint)n), pin));

    public void Dispose()
    {
        foreach (var d in Doors.Values)
        {
            d.Logic.Dispose();
        }
    }
}
