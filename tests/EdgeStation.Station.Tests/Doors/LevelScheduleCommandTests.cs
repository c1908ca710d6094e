using System.Net;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// `schedule …` and `level …` through the running service, on the demo's doors and people (schedule 1 办公时间
/// mon-fri 08:00-18:00 closed on holidays; level 1 every door at any time; level 2 the front door on schedule 1, held by
/// P-000003 with card 12:10003). Each change is an <c>access</c> ledger entry naming who; bad input changes nothing.
/// The station's clock starts Tuesday 2026-03-10 09:00 Shanghai and only moves forward.
/// </summary>
public sealed class LevelScheduleCommandTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;
    private AccessService Access => _doors.Access;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync();

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    /// <summary>Moves the clock to the Shanghai local time <paramref name="local"/> and swipes <paramref name="card"/> at the front door; the decision's line.</summary>
    private async Task<string> SwipeAtAsync(string local, string card)
    {
        Station.Clock.SetUtcNow(new DateTimeOffset(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));
        return await _doors.OkAsync("door", "simulate", "swipe", card, "--door", "1");
    }

    [Fact]
    public async Task Schedule_add_prints_its_number_lists_it_and_is_a_ledger_entry_naming_who()
    {
        var id = await _doors.OkAsync("schedule", "add", "--name", "值班", "--week", "sat,sun 09:00-12:00; holiday 09:00-12:00");

        Assert.Equal("2", id);
        Assert.Contains("2  值班  mon-fri closed; sat-sun 09:00-12:00; holiday 09:00-12:00", await _doors.OkAsync("schedules", "list"), StringComparison.Ordinal);
        var entry = Station.Store.History("access:schedule:2").Single().Event;
        Assert.Equal((Domain.Records.RecordEvent.AccessType, AccessEntryKeys.ScheduleSet, "cli:tester"), (entry.Type, entry.Action, entry.Actor));
    }

    [Fact]
    public async Task A_night_schedule_across_midnight_opens_on_both_sides_of_it_and_not_in_the_morning()
    {
        await _doors.OkAsync("schedule", "add", "--name", "夜班", "--week", "mon 22:00-24:00; tue-fri 00:00-06:00,22:00-24:00; sat 00:00-06:00");
        Assert.Equal("3", await _doors.OkAsync("level", "add", "--name", "正门夜班", "--door", "1@2"));
        var person = await _doors.OkAsync("person", "add", "--name", "夜班保安", "--level", "3");
        await _doors.OkAsync("card", "add", "--person", person, "--card", "12:20001");

        Assert.Contains("NoRight", await SwipeAtAsync("2026-03-10T21:59:00", "12:20001"), StringComparison.Ordinal);
        Assert.Contains("Granted", await SwipeAtAsync("2026-03-10T23:30:00", "12:20001"), StringComparison.Ordinal);
        Assert.Contains("Granted", await SwipeAtAsync("2026-03-11T02:00:00", "12:20001"), StringComparison.Ordinal); // Wednesday, past midnight
        Assert.Contains("NoRight", await SwipeAtAsync("2026-03-11T06:00:00", "12:20001"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Office_hours_are_closed_on_a_public_holiday_and_open_on_a_make_up_saturday()
    {
        Assert.Contains("NoRight", await SwipeAtAsync("2026-04-06T10:00:00", "12:10003"), StringComparison.Ordinal); // 清明节, a Monday
        Assert.Contains("Granted", await SwipeAtAsync("2026-05-09T10:00:00", "12:10003"), StringComparison.Ordinal); // 调休上班, a Saturday
        Assert.Contains("NoRight", await SwipeAtAsync("2026-05-16T10:00:00", "12:10003"), StringComparison.Ordinal); // an ordinary Saturday
    }

    [Fact]
    public async Task Level_list_shows_doors_with_their_schedules_and_how_many_hold_it()
    {
        var text = await _doors.OkAsync("levels", "list");

        Assert.Contains("1  全部门  door 1 正门 on 0 always, door 2 档案室 on 0 always  (2 holders)", text, StringComparison.Ordinal);
        Assert.Contains("2  正门办公时间  door 1 正门 on 1 办公时间  (1 holders)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_level_takes_its_doors_from_its_holders_for_good()
    {
        Assert.Contains("Granted", await _doors.OkAsync("door", "simulate", "swipe", "12:10003", "--door", "1"), StringComparison.Ordinal);

        Assert.Equal("level 2 removed", await _doors.OkAsync("level", "remove", "2"));
        Station.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("NoRight", await _doors.OkAsync("door", "simulate", "swipe", "12:10003", "--door", "1"), StringComparison.Ordinal);
        // The number used again gives the old holders nothing.
        await _doors.OkAsync("level", "add", "--id", "2", "--name", "新正门", "--door", "1");
        Station.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("NoRight", await _doors.OkAsync("door", "simulate", "swipe", "12:10003", "--door", "1"), StringComparison.Ordinal);
        Assert.Equal(AccessEntryKeys.LevelRemove, Station.Store.History("access:level:2").Select(h => h.Event.Action).ToList()[^2]);
    }

    [Fact]
    public async Task Removing_an_unused_schedule_and_replacing_one_are_ledger_entries()
    {
        await _doors.OkAsync("schedule", "add", "--id", "5", "--name", "周末", "--week", "sat,sun 09:00-17:00");
        await _doors.OkAsync("schedule", "add", "--id", "5", "--name", "周末", "--week", "sat,sun 10:00-16:00", "--replace");
        Assert.Equal("schedule 5 removed", await _doors.OkAsync("schedule", "remove", "5"));

        Assert.Equal([AccessEntryKeys.ScheduleSet, AccessEntryKeys.ScheduleSet, AccessEntryKeys.ScheduleRemove],
            Station.Store.History("access:schedule:5").Select(h => h.Event.Action));
        Assert.Null(Access.System.Rights.Schedule(5));
    }

    [Theory]
    [InlineData("ends before it starts; split a night across midnight", "schedule", "add", "--name", "夜", "--week", "mon-fri 22:00-06:00")]
    [InlineData("'25:00' in '08:00-25:00' is not a time of day", "schedule", "add", "--name", "x", "--week", "mon 08:00-25:00")]
    [InlineData("'funday'", "schedule", "add", "--name", "x", "--week", "funday 08:00-09:00")]
    [InlineData("schedule 1 (办公时间) exists", "schedule", "add", "--id", "1", "--name", "x", "--week", "daily closed")]
    [InlineData("schedule numbers run 1–1023", "schedule", "add", "--id", "2000", "--name", "x", "--week", "daily closed")]
    [InlineData("a name is 1–64 characters", "schedule", "add", "--name", " ", "--week", "daily closed")]
    [InlineData("schedule 1 is used by level 2", "schedule", "remove", "1")]
    [InlineData("there is no schedule 9", "schedule", "remove", "9")]
    [InlineData("schedule 0 ('always') is built in", "schedule", "remove", "0")]
    [InlineData("there is no door 9 (doors: 1, 2)", "level", "add", "--name", "x", "--door", "9")]
    [InlineData("there is no schedule 7", "level", "add", "--name", "x", "--door", "1@7")]
    [InlineData("'a@b' is not DOOR@SCHEDULE", "level", "add", "--name", "x", "--door", "a@b")]
    [InlineData("level 1 (全部门) exists", "level", "add", "--id", "1", "--name", "x", "--door", "1")]
    [InlineData("there is no level 9", "level", "remove", "9")]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing(string message, params string[] args)
    {
        var head = Station.Store.Head;
        var (schedules, levels) = (Access.System.Rights.Schedules().Count, Access.System.Rights.Levels().Count);

        var r = await Station.CliAsync(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
        Assert.Equal((schedules, levels), (Access.System.Rights.Schedules().Count, Access.System.Rights.Levels().Count));
    }

    public static TheoryData<string, HttpStatusCode> ReadAnswers => DoorStation.Answers("admin official engineer");

    [Theory]
    [MemberData(nameof(ReadAnswers))]
    public async Task Officials_admins_and_engineers_read_levels_and_schedules(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);
        Assert.Equal(expected, (await client.GetAsync("/api/access/levels")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/access/schedules")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_changes_levels()
    {
        var official = await Station.SignedInAsync("wangfang", Domain.Accounts.Role.Official);
        using var body = new StringContent("""{ "name": "x", "doors": "1@0" }""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsync("/api/access/levels", body)).StatusCode);
        var admin = await Station.SignedInAsync("zhaoadmin", Domain.Accounts.Role.Admin);
        using var again = new StringContent("""{ "name": "x", "doors": "1@0" }""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/access/levels", again)).StatusCode);
    }
}
