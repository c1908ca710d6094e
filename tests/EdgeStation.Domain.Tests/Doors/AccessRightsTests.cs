using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Records;
using EdgeStation.Domain.Schedules;

namespace EdgeStation.Domain.Tests.Doors;

public sealed class AccessRightsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly AccessRights _rights = new();
    private readonly AccessCommands _commands;

    public AccessRightsTests()
    {
        _commands = new AccessCommands(_rights, new HashSet<int> { 1, 2 });
    }

    private RecordEvent Do(RecordEvent e)
    {
        _rights.Apply(e);
        return e;
    }

    private string AddPerson(string name = "张三", params int[] levels) =>
        Do(_commands.AddPerson(name, null, null, levels, false, "admin", Now)).Fields[AccessEntryKeys.Id].Text!;

    private static DateTime Local(int d, int h) => new(2026, 3, d, h, 0, 0, DateTimeKind.Unspecified);

    [Fact]
    public void Card_of_an_added_person_finds_the_person()
    {
        var id = AddPerson();
        Do(_commands.AddCard(id, CardId.Parse("12:34567"), "admin", Now));
        Assert.Equal(id, _rights.PersonByCard(CardId.Wiegand(12, 34567))?.Id);
    }

    [Fact]
    public void Card_enrolled_to_someone_else_is_refused()
    {
        var a = AddPerson("甲");
        var b = AddPerson("乙");
        Do(_commands.AddCard(a, CardId.Parse("1:1"), "admin", Now));
        var ex = Assert.Throws<AccessInputException>(() => _commands.AddCard(b, CardId.Parse("1:1"), "admin", Now));
        Assert.Contains(a, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_person_takes_their_cards_and_pins()
    {
        var id = AddPerson();
        Do(_commands.AddCard(id, CardId.Parse("1:2"), "admin", Now));
        _rights.SetPinHash(id, "h1", duress: false);
        Do(_commands.RemovePerson(id, "admin", Now));
        Assert.Null(_rights.PersonByCard(CardId.Parse("1:2")));
        Assert.Null(_rights.PersonByPinHash("h1"));
    }

    [Fact]
    public void Duress_pin_is_told_apart_from_the_normal_pin()
    {
        var id = AddPerson();
        _rights.SetPinHash(id, "normal", duress: false);
        _rights.SetPinHash(id, "duress", duress: true);
        Assert.False(_rights.PersonByPinHash("normal")!.Value.Duress);
        Assert.True(_rights.PersonByPinHash("duress")!.Value.Duress);
    }

    [Fact]
    public void Changing_a_pin_forgets_the_old_one()
    {
        var id = AddPerson();
        _rights.SetPinHash(id, "old", duress: false);
        _rights.SetPinHash(id, "new", duress: false);
        Assert.Null(_rights.PersonByPinHash("old"));
        Assert.NotNull(_rights.PersonByPinHash("new"));
    }

    [Fact]
    public void Level_opens_its_door_only_within_its_schedule_and_not_on_holidays()
    {
        Do(_commands.SetSchedule(1, "office", WeeklySchedule.Parse("mon-fri 08:00-18:00; holiday closed"), "admin", Now));
        Do(_commands.SetLevel(1, "archive", [new LevelDoor(2, 1)], "admin", Now));
        var p = _rights.Person(AddPerson("李四", 1))!;
        Assert.True(_rights.MayOpen(p, 2, Local(3, 9), HolidayCalendar.Official));
        Assert.False(_rights.MayOpen(p, 2, Local(3, 19), HolidayCalendar.Official));
        Assert.False(_rights.MayOpen(p, 1, Local(3, 9), HolidayCalendar.Official));
        Assert.False(_rights.MayOpen(p, 2, new DateTime(2026, 1, 2, 9, 0, 0, DateTimeKind.Unspecified), HolidayCalendar.Official));
    }

    [Fact]
    public void A_thousand_schedules_and_levels_are_kept_apart()
    {
        for (var i = 1; i < AccessRights.MaxSchedules; i++)
        {
            var hour = i % 23;
            Do(_commands.SetSchedule(i, $"s{i}", WeeklySchedule.Parse($"daily {hour:00}:00-{hour + 1:00}:00"), "admin", Now));
            Do(_commands.SetLevel(i, $"l{i}", [new LevelDoor(1, i)], "admin", Now));
        }
        var p = _rights.Person(AddPerson("王五", 300))!;
        Assert.Equal(AccessRights.MaxSchedules, _rights.Schedules().Count);
        Assert.True(_rights.MayOpen(p, 1, Local(3, 300 % 23), HolidayCalendar.Official));
        Assert.False(_rights.MayOpen(p, 1, Local(3, (300 % 23) + 1), HolidayCalendar.Official));
    }

    [Fact]
    public void Level_naming_an_unknown_door_is_refused()
    {
        var ex = Assert.Throws<AccessInputException>(() => _commands.SetLevel(1, "x", [new LevelDoor(9, 0)], "admin", Now));
        Assert.Contains("no door 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Person_validity_ending_before_it_starts_is_refused()
    {
        Assert.Throws<AccessInputException>(() => _commands.AddPerson("x", new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), [], false, "admin", Now));
    }

    [Fact]
    public void Validity_is_inclusive_of_both_days()
    {
        var p = new AccessPerson("P-1", "x") { ValidFrom = new DateOnly(2026, 3, 1), ValidUntil = new DateOnly(2026, 3, 31) };
        Assert.True(p.IsValidOn(new DateOnly(2026, 3, 1)));
        Assert.True(p.IsValidOn(new DateOnly(2026, 3, 31)));
        Assert.False(p.IsValidOn(new DateOnly(2026, 4, 1)));
        Assert.False(p.IsValidOn(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void Schedule_used_by_a_level_cannot_be_removed()
    {
        Do(_commands.SetSchedule(3, "x", WeeklySchedule.Always, "admin", Now));
        Do(_commands.SetLevel(1, "l", [new LevelDoor(1, 3)], "admin", Now));
        Assert.Throws<AccessInputException>(() => _commands.RemoveSchedule(3, "admin", Now));
    }

    [Fact]
    public void Fold_of_the_entries_rebuilds_the_same_rights()
    {
        var entries = new List<RecordEvent>
        {
            Do(_commands.SetSchedule(1, "office", WeeklySchedule.Parse("mon-fri 08:00-18:00"), "admin", Now)),
            Do(_commands.SetLevel(4, "front", [new LevelDoor(1, 1), new LevelDoor(2, 0)], "admin", Now)),
        };
        var id = _commands.AddPerson("赵六", new DateOnly(2026, 1, 1), null, [4], true, "admin", Now);
        entries.Add(Do(id));
        var pid = id.Fields[AccessEntryKeys.Id].Text!;
        entries.Add(Do(_commands.AddCard(pid, CardId.Parse("uid:04a1b2c3"), "admin", Now)));
        entries.Add(Do(_commands.PinChanged(pid, duress: false, cleared: false, "admin", Now)));

        var rebuilt = new AccessRights();
        entries.ForEach(rebuilt.Apply);
        Assert.Equal(_rights.Person(pid)!.Name, rebuilt.Person(pid)!.Name);
        Assert.Equal([4], rebuilt.Person(pid)!.Levels);
        Assert.Equal(pid, rebuilt.PersonByCard(CardId.Parse("uid:04A1B2C3"))?.Id);
        Assert.Equal("mon-fri 08:00-18:00; sat-sun closed; holiday closed", rebuilt.Schedule(1)!.Week.ToString());
        Assert.Equal([new LevelDoor(1, 1), new LevelDoor(2, 0)], rebuilt.Level(4)!.Doors);
        // Ids go on after the fold: never reused.
        Assert.Equal("P-000002", new AccessCommands(rebuilt, new HashSet<int> { 1 }).AddPerson("x", null, null, [], false, "a", Now).Fields[AccessEntryKeys.Id].Text);
    }

    [Fact]
    public void Pin_entry_names_the_person_and_holds_no_secret()
    {
        var id = AddPerson();
        var e = _commands.PinChanged(id, duress: true, cleared: false, "admin", Now);
        Assert.Equal(RecordEvent.AccessType, e.Type);
        Assert.Equal([AccessEntryKeys.Duress, AccessEntryKeys.Id], e.Fields.Keys);
    }

    [Fact]
    public void Access_entries_are_not_record_entries()
    {
        Assert.False(RecordEvent.IsRecordEntry(RecordEvent.AccessType));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12:")]
    [InlineData("70000:1")]
    [InlineData("1:99999999999")]
    [InlineData("uid:04A1")]
    [InlineData("uid:ZZZZZZZZ")]
    [InlineData("-1:5")]
    public void Malformed_card_number_is_refused(string text)
    {
        Assert.Throws<AccessInputException>(() => CardId.Parse(text));
    }

    [Theory]
    [InlineData("face")]
    [InlineData("face-or-card")]
    public void Face_alone_is_refused_as_a_door_mode(string text)
    {
        var ex = Assert.Throws<AccessInputException>(() => CredentialModes.Parse(text));
        Assert.Contains("never the only way in", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mode_that_uses_face_also_needs_a_card_or_a_pin()
    {
        foreach (var mode in Enum.GetValues<CredentialMode>())
        {
            Assert.True(CredentialModes.NeedsCard(mode) || CredentialModes.NeedsPin(mode) || mode == CredentialMode.CardOrPin, mode.ToString());
            Assert.Equal(mode, CredentialModes.Parse(CredentialModes.Name(mode)));
        }
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789")]
    [InlineData("12a4")]
    public void Pin_of_the_wrong_length_or_with_letters_is_refused(string pin)
    {
        Assert.Throws<AccessInputException>(() => PinRules.Check(pin));
    }
}
