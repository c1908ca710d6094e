using System.Net;
using System.Text.Json;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>`alarms list` and `alarms ack` through the running service: who acknowledged is logged; an unknown alarm exits 2.</summary>
public sealed class AlarmsCommandTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;

    public async Task InitializeAsync()
    {
        _doors = await DoorStation.StartAsync();
        await _doors.OkAsync("door", "simulate", "alarm", "--door", "1"); // 接待台一键报警: alarm #1
    }

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    [Fact]
    public async Task Alarms_list_shows_the_alarm_waiting_for_acknowledgement()
    {
        Assert.Equal("#1 Panic at 接待台一键报警 since 2026-03-10T01:00:00+00:00 (cause ended): not acknowledged", await _doors.OkAsync("alarms", "list"));

        using var json = JsonDocument.Parse(await _doors.OkAsync("alarms", "list", "--json"));
        Assert.Equal("Panic", Assert.Single(json.RootElement.GetProperty("alarms").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Ack_ends_the_alarm_and_the_log_names_who_acknowledged()
    {
        var answer = await _doors.OkAsync("alarms", "ack", "1");

        Assert.EndsWith("acknowledged by cli:tester at 2026-03-10T01:00:00+00:00", answer, StringComparison.Ordinal);
        Assert.Equal("no alarm waits for acknowledgement", await _doors.OkAsync("alarms", "list"));
        Assert.Contains("acknowledged by cli:tester", await _doors.OkAsync("alarms", "list", "--all"), StringComparison.Ordinal);
        _doors.Access.Log.WriteQueued();
        var acknowledged = Assert.Single(_doors.Access.Log.Recent(10), e => e.Event.Kind == AccessEventKind.AlarmAcknowledged);
        Assert.Equal("cli:tester", acknowledged.Event.Actor);
    }

    [Theory]
    [InlineData("there is no unacknowledged alarm '99'", "alarms", "ack", "99")]
    [InlineData("Cannot parse argument 'x'", "alarms", "ack", "x")]
    [InlineData("Required argument missing", "alarms", "ack")]
    public async Task Bad_input_exits_2_and_the_alarm_stays(string message, params string[] args)
    {
        var r = await Station.CliAsync(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.Single(_doors.Access.System.Board.Unacknowledged());
    }

    [Fact]
    public async Task An_alarm_acknowledged_twice_is_refused_the_second_time()
    {
        await _doors.OkAsync("alarms", "ack", "1");

        var r = await Station.CliAsync("alarms", "ack", "1");

        Assert.Equal(2, r.Exit);
        Assert.Contains("no unacknowledged alarm '1'", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("official", true)]
    [InlineData("engineer", false)]
    [InlineData("viewer", false)]
    public async Task Who_acknowledged_shows_only_to_those_who_see_personal_fields(string role, bool who)
    {
        await _doors.OkAsync("alarms", "ack", "1");
        var client = await _doors.AsAsync(role);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/alarms?all=true"));

        var alarm = Assert.Single(json.RootElement.GetProperty("alarms").EnumerateArray());
        Assert.True(alarm.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(who, alarm.TryGetProperty("acknowledgedBy", out _));
    }

    [Fact]
    public async Task The_api_answers_400_for_a_malformed_all()
    {
        var client = await _doors.AsAsync("official");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/alarms?all=maybe")).StatusCode);
    }
}
