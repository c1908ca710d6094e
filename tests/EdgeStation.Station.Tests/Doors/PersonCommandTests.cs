using System.Net;
using EdgeStation.Domain.Accounts;
using EdgeStation.Domain.Settings;
using EdgeStation.Station.Config;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// `person add | list | disable` and `card add` through the running service (the reference wiring on the simulated
/// chip, with the demo's schedules and levels): each change an `access` ledger entry naming the actor, live at the door
/// at once; bad input exits 2 with nothing changed.
/// </summary>
public sealed class PersonCommandTests : IAsyncLifetime
{
    private ApiStation _station = null!;
    private AccessService _access = null!;

    public async Task InitializeAsync()
    {
        _station = await ApiStation.StartAsync(new StationConfig(new StationSettings(), "测试村", null) { Access = DemoDoors.Settings() });
        _access = _station.App.Services.GetRequiredService<AccessService>();
        DemoDoors.Seed(_station.Store, _station.Clock.GetUtcNow(), _access.System.Rights); // levels 1 (every door, always) and 2; P-000001…3
    }

    public async Task DisposeAsync() => await _station.DisposeAsync();

    private async Task<string> OkAsync(params string[] args)
    {
        var r = await _station.CliAsync(args);
        Assert.True(r.Exit == 0, $"{string.Join(' ', args)}: exit {r.Exit}: {r.Err}");
        return r.Out.Trim();
    }

    [Fact]
    public async Task Person_add_prints_the_new_id_and_the_ledger_names_who_enrolled_whom()
    {
        var id = await OkAsync("person", "add", "--name", "赵六", "--level", "1", "--until", "2026-12-31");

        Assert.Equal("P-000004", id);
        var entry = Assert.Single(_station.Store.History("access:person:P-000004"));
        Assert.Equal("cli:tester", entry.Event.Actor);
        Assert.Equal("赵六", _access.System.Rights.Person(id)!.Name);
        Assert.Contains("P-000004  赵六  levels 1  cards none  valid …2026-12-31", await OkAsync("person", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_given_through_the_command_line_opens_the_door_at_once_and_disable_takes_it_away()
    {
        var id = await OkAsync("persons", "add", "--name", "赵六", "--level", "1");
        await OkAsync("cards", "add", "--person", id, "--card", "12:20001");
        Assert.Single(_station.Store.History("access:card:12:20001"));

        Assert.Contains("Granted", await OkAsync("door", "simulate", "swipe", "12:20001", "--door", "1"), StringComparison.Ordinal);

        Assert.Equal($"{id} disabled", await OkAsync("person", "disable", id));
        Assert.Contains("UnknownCard", await OkAsync("door", "simulate", "swipe", "12:20001", "--door", "1"), StringComparison.Ordinal);
        Assert.Equal(2, _station.Store.History("access:person:" + id).Count());
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
    [InlineData("there is no person 'P-000099'", "person", "disable", "P-000099")]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing(string message, params string[] args)
    {
        var head = _station.Store.Head;
        var persons = _access.System.Rights.PersonCount;

        var r = await _station.CliAsync(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(head, _station.Store.Head);
        Assert.Equal((persons, 3), (_access.System.Rights.PersonCount, _access.System.Rights.CardCount));
    }

    [Theory]
    [InlineData("official", HttpStatusCode.Forbidden)]
    [InlineData("engineer", HttpStatusCode.Forbidden)]
    [InlineData("grid-worker", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Only_an_admin_gives_access_rights(string role, HttpStatusCode expected)
    {
        var client = role == "grid-worker" ? await _station.SignedInAsync("zhaolei", Role.GridWorker, "grid-1") : await _station.SignedInAsync("someone", RoleNames.Parse(role));

        var r = await client.PostAsync("/api/access/persons", ApiStation.Json("""{"name":"赵六","levels":"1"}"""));

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 4 : 3, _access.System.Rights.PersonCount);
    }

    [Theory]
    [InlineData("official", HttpStatusCode.OK)]
    [InlineData("engineer", HttpStatusCode.Forbidden)]
    [InlineData("viewer", HttpStatusCode.Forbidden)]
    public async Task The_list_names_people_so_it_needs_personal_field_permission(string role, HttpStatusCode expected)
    {
        var client = await _station.SignedInAsync("someone", RoleNames.Parse(role));

        var r = await client.GetAsync("/api/access/persons");

        Assert.Equal(expected, r.StatusCode);
    }
}
