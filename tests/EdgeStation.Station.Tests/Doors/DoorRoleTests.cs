using System.Net;
using System.Text.Json;
using EdgeStation.Station.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// Who may use the doors' API, answered by the running service for every role and for nobody signed in (the declared
/// rules themselves are pinned in AccessRuleTests). Person and card numbers reach only those who may see personal fields.
/// </summary>
public sealed class DoorRoleTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private AccessService Access => _doors.Access;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync();

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    private Task<HttpClient> As(string role) => _doors.AsAsync(role);

    public static TheoryData<string, HttpStatusCode> Everyone => DoorStation.Answers("admin official grid-worker viewer engineer");
    public static TheoryData<string, HttpStatusCode> OnDutyAndEngineers => DoorStation.Answers("admin official engineer");
    public static TheoryData<string, HttpStatusCode> EngineersAndAdmins => DoorStation.Answers("admin engineer");

    /// <summary>Card 12:10001 (a demo person) granted at door 1, and its event written to access.db.</summary>
    private async Task GrantLoggedAsync()
    {
        var r = await _doors.Station.CliAsync("door", "simulate", "swipe", "12:10001", "--door", "1");
        Assert.True(r.Exit == 0, r.Err);
        Access.Log.WriteQueued();
    }

    private static StringContent Swipe => ApiStation.Json("""{"action":"swipe","value":"12:10001"}""");

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Door_state_and_alarms_are_for_everyone_signed_in(string role, HttpStatusCode expected)
    {
        var client = await As(role);

        Assert.Equal(expected, (await client.GetAsync("/api/doors")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/alarms")).StatusCode);
    }

    [Fact]
    public async Task The_alarm_stream_refuses_a_caller_who_is_not_signed_in()
    {
        var r = await (await As("anonymous")).GetAsync("/api/alarms/stream", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OnDutyAndEngineers))]
    public async Task The_event_log_is_for_officials_admins_and_engineers(string role, HttpStatusCode expected)
    {
        await GrantLoggedAsync();
        var client = await As(role);

        var r = await client.GetAsync("/api/doors/events");

        Assert.Equal(expected, r.StatusCode);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("official", true)]
    [InlineData("engineer", false)]
    public async Task Person_and_card_in_the_event_log_only_for_those_who_see_personal_fields(string role, bool who)
    {
        await GrantLoggedAsync();
        var client = await As(role);

        var body = await client.GetStringAsync("/api/doors/events");

        using var doc = JsonDocument.Parse(body);
        var granted = Assert.Single(doc.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("Granted", granted.GetProperty("kind").GetString());
        Assert.Equal(1, granted.GetProperty("door").GetInt32());
        Assert.Equal(who, granted.TryGetProperty("person", out _));
        Assert.Equal(who, granted.TryGetProperty("card", out _));
        Assert.Equal(who, body.Contains("10001", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EngineersAndAdmins))]
    public async Task Only_engineers_and_admins_simulate_door_hardware_and_a_refusal_drives_nothing(string role, HttpStatusCode expected)
    {
        var client = await As(role);

        var r = await client.PostAsync("/api/doors/1/simulate", Swipe);

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, Access.System.Grants);
    }

    [Fact]
    public async Task An_engineers_simulation_answers_without_who()
    {
        var client = await As("engineer");

        var body = await (await client.PostAsync("/api/doors/1/simulate", Swipe)).Content.ReadAsStringAsync();

        using var doc = JsonDocument.Parse(body);
        var granted = Assert.Single(doc.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("Granted", granted.GetProperty("kind").GetString());
        Assert.False(granted.TryGetProperty("person", out _));
        Assert.False(granted.TryGetProperty("card", out _));
    }

    [Theory]
    [MemberData(nameof(OnDutyAndEngineers))]
    public async Task Alarms_are_acknowledged_by_the_people_on_duty_only(string role, HttpStatusCode expected)
    {
        var raised = await _doors.Station.CliAsync("door", "simulate", "alarm", "--door", "1");
        Assert.True(raised.Exit == 0, raised.Err);
        var alarm = Assert.Single(Access.System.Board.Unacknowledged());
        var client = await As(role);

        var r = await client.PostAsync($"/api/alarms/{alarm.Id}/ack", null);

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 0 : 1, Access.System.Board.Unacknowledged().Count);
    }
}
