using System.Net;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// `person add | list | remove` and `card add` through the running service (the reference wiring on the simulated
/// chip, with the demo's schedules and levels): each change an `access` ledger entry naming the actor, live at the door
/// at once; bad input exits 2 with nothing changed.
/// </summary>
public sealed class PersonCommandTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync(pins: false);

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    [Fact]
    public async Task Person_add_prints_the_new_id_and_the_ledger_names_who_enrolled_whom()
    {
        var id = await _doors.OkAsync("person", "add", "--name", "赵六", "--level", "1", "--until", "2026-12-31");

        Assert.Equal("P-000004", id);
        var entry = Assert.Single(Station.Store.History("access:person:P-000004"));
        Assert.Equal("cli:tester", entry.Event.Actor);
        Assert.Equal("赵六", _doors.Access.System.Rights.Person(id)!.Name);
        Assert.Contains("P-000004  赵六  levels 1  cards none  valid …2026-12-31", await _doors.OkAsync("person", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_given_through_the_command_line_opens_the_door_at_once_and_remove_takes_it_away()
    {
        var id = await _doors.OkAsync("persons", "add", "--name", "赵六", "--level", "1");
        await _doors.OkAsync("cards", "add", "--person", id, "--card", "12:20001");
        Assert.Single(Station.Store.History("access:card:12:20001"));

        Assert.Contains("Granted", await _doors.OkAsync("door", "simulate", "swipe", "12:20001", "--door", "1"), StringComparison.Ordinal);

        Assert.Equal($"{id} removed", await _doors.OkAsync("person", "remove", id));
        Assert.Contains("UnknownCard", await _doors.OkAsync("door", "simulate", "swipe", "12:20001", "--door", "1"), StringComparison.Ordinal);
        Assert.Equal(2, Station.Store.History("access:person:" + id).Count());
    }

    [Fact]
    public async Task Disable_is_still_understood_as_remove()
    {
        Assert.Equal("P-000003 removed", await _doors.OkAsync("person", "disable", "P-000003"));

        Assert.Null(_doors.Access.System.Rights.Person("P-000003"));
    }

    [Theory]
    [InlineData("a person's name is 1–64 characters", "person", "add", "--name", " ")]
    [InlineData("there is no level 99", "person", "add", "--name", "赵六", "--level", "99")]
    [InlineData("before it starts", "person", "add", "--name", "赵六", "--from", "2026-05-01", "--until", "2026-04-01")]
    [InlineData("--from must be a day such as 2026-03-01", "person", "add", "--name", "赵六", "--from", "2026/05/01")]
    [InlineData("--name", "person", "add")]
    [InlineData("not a card number", "card", "add", "--person", "P-000001", "--card", "abc")]
    [InlineData("there is no person 'P-000099'", "card", "add", "--person", "P-000099", "--card", "12:20001")]
    [InlineData("already belongs to P-000001", "card", "add", "--person", "P-000002", "--card", "12:10001")]
    [InlineData("there is no person 'P-000099'", "person", "remove", "P-000099")]
    [InlineData("Required argument missing", "person", "remove")]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing(string message, params string[] args)
    {
        var head = Station.Store.Head;
        var rights = _doors.Access.System.Rights;

        var r = await Station.CliAsync(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
        Assert.Equal((3, 3), (rights.PersonCount, rights.CardCount));
    }

    public static TheoryData<string, HttpStatusCode> OnlyAdmins => DoorStation.Answers("admin");

    [Theory]
    [MemberData(nameof(OnlyAdmins))]
    public async Task Only_an_admin_gives_access_rights(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.PostAsync("/api/access/persons", ApiStation.Json("""{"name":"赵六","levels":"1"}"""));

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 4 : 3, _doors.Access.System.Rights.PersonCount);
    }

    [Theory]
    [MemberData(nameof(OnlyAdmins))]
    public async Task Only_an_admin_removes_a_person(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.PostAsync("/api/access/persons/P-000002/remove", null);

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 2 : 3, _doors.Access.System.Rights.PersonCount);
    }

    public static TheoryData<string, HttpStatusCode> PersonalFieldReaders => DoorStation.Answers("admin official");

    [Theory]
    [MemberData(nameof(PersonalFieldReaders))]
    public async Task The_list_names_people_so_it_needs_personal_field_permission(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.GetAsync("/api/access/persons");

        Assert.Equal(expected, r.StatusCode);
    }
}
