using System.Net;
using System.Text.Json;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>`card remove` and `card list` through the running service: a removed card opens nothing at once, the ledger names who took it; the list names holders, so it needs personal-field permission.</summary>
public sealed class CardCommandTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync(pins: false);

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    [Fact]
    public async Task A_removed_card_opens_nothing_at_once_and_the_ledger_names_who_took_it()
    {
        Assert.Equal("card 12:10001 taken from P-000001", await _doors.OkAsync("card", "remove", "--card", "12:10001"));

        Assert.Contains("UnknownCard", await _doors.OkAsync("door", "simulate", "swipe", "12:10001", "--door", "1"), StringComparison.Ordinal);
        var removed = Station.Store.History("access:card:12:10001").Last().Event;
        Assert.Equal((AccessEntryKeys.CardRemove, "cli:tester", "P-000001"), (removed.Action, removed.Actor, removed.Fields[AccessEntryKeys.Person].Text));
        Assert.Null(_doors.Access.System.Rights.CardOwner(CardId.Parse("12:10001")));
    }

    [Fact]
    public async Task A_removed_card_can_be_given_to_someone_else()
    {
        await _doors.OkAsync("card", "remove", "--card", "12:10001");

        await _doors.OkAsync("card", "add", "--person", "P-000002", "--card", "12:10001");

        Assert.Equal("P-000002", _doors.Access.System.Rights.CardOwner(CardId.Parse("12:10001")));
    }

    [Fact]
    public async Task Card_list_shows_every_card_with_its_holder_or_one_persons_cards()
    {
        Assert.Equal(["12:10001  P-000001  王主任", "12:10002  P-000002  李会计", "12:10003  P-000003  网格员张"],
            (await _doors.OkAsync("card", "list")).Split('\n'));
        Assert.Equal("12:10002  P-000002  李会计", await _doors.OkAsync("cards", "list", "--person", "P-000002"));

        using var json = JsonDocument.Parse(await _doors.OkAsync("card", "list", "--person", "P-000003", "--json"));
        var card = Assert.Single(json.RootElement.GetProperty("cards").EnumerateArray());
        Assert.Equal(("12:10003", "P-000003"), (card.GetProperty("card").GetString(), card.GetProperty("person").GetString()));
    }

    [Fact]
    public async Task Card_list_of_a_person_without_cards_says_so()
    {
        var id = await _doors.OkAsync("person", "add", "--name", "赵六");

        Assert.Equal("no cards (card add --person ID --card …)", await _doors.OkAsync("card", "list", "--person", id));
    }

    [Theory]
    [InlineData("card 12:20001 is not enrolled", "card", "remove", "--card", "12:20001")]
    [InlineData("not a card number", "card", "remove", "--card", "12-10001")]
    [InlineData("is not a card UID", "card", "remove", "--card", "uid:XYZ")]
    [InlineData("--card", "card", "remove")]
    [InlineData("there is no person 'P-000099'", "card", "list", "--person", "P-000099")]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing(string message, params string[] args)
    {
        var head = Station.Store.Head;

        var r = await Station.CliAsync(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
        Assert.Equal(3, _doors.Access.System.Rights.CardCount);
    }

    public static TheoryData<string, HttpStatusCode> OnlyAdmins => DoorStation.Answers("admin");

    [Theory]
    [MemberData(nameof(OnlyAdmins))]
    public async Task Only_an_admin_takes_a_card_away(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.PostAsync("/api/access/cards/12%3A10001/remove", null);

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 2 : 3, _doors.Access.System.Rights.CardCount);
    }

    public static TheoryData<string, HttpStatusCode> PersonalFieldReaders => DoorStation.Answers("admin official");

    [Theory]
    [MemberData(nameof(PersonalFieldReaders))]
    public async Task The_card_list_names_holders_so_it_needs_personal_field_permission(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.GetAsync("/api/access/cards");

        Assert.Equal(expected, r.StatusCode);
    }
}
