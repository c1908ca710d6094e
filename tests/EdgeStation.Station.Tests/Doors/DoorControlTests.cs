using System.Net;
using System.Text.Json;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// `door unlock` and `door mode` through the running service: the door acts at once, the event log names who did it;
/// an unknown door, duration or mode exits 2 / 400 with nothing changed; unlocking for admins and engineers, modes for
/// admins only.
/// </summary>
public sealed class DoorControlTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    private ApiStation Station => _doors.Station;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync();

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    private bool Unlocked(int door) => _doors.Access.System.Door(door)!.Logic.Outputs.Unlocked;

    private IReadOnlyList<AccessEvent> Logged()
    {
        _doors.Access.Log.WriteQueued();
        return [.. _doors.Access.Log.Recent(100).Select(e => e.Event)];
    }

    [Fact]
    public async Task Unlock_opens_the_door_for_the_time_given_and_the_log_names_who()
    {
        Assert.Equal("door 2 档案室: unlocked, mode normal", await _doors.OkAsync("door", "unlock", "--door", "2", "--for", "30s"));

        Assert.True(Unlocked(2));
        Station.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.True(Unlocked(2));
        Station.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(Unlocked(2));
        var e = Assert.Single(Logged());
        Assert.Equal((AccessEventKind.Granted, "RemoteUnlock", "cli:tester", 2), (e.Kind, e.Reason, e.Actor, e.Door));
    }

    [Fact]
    public async Task Unlock_without_a_time_uses_the_doors_own_pulse()
    {
        await _doors.OkAsync("door", "unlock", "--door", "1");

        Station.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(Unlocked(1));
        Station.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(Unlocked(1));
    }

    [Fact]
    public async Task Lockdown_refuses_cards_and_remote_unlock_until_normal_again()
    {
        Assert.Equal("door 1 正门: locked, mode lockdown", await _doors.OkAsync("door", "mode", "lockdown", "--door", "1"));
        Assert.Contains("Lockdown", await _doors.OkAsync("door", "simulate", "swipe", "12:10001", "--door", "1"), StringComparison.Ordinal);

        var r = await Station.CliAsync("door", "unlock", "--door", "1");
        Assert.Equal(2, r.Exit);
        Assert.Contains("is in lockdown", r.Err, StringComparison.Ordinal);
        Assert.False(Unlocked(1));

        await _doors.OkAsync("door", "mode", "normal", "--door", "1");
        Assert.Contains("Granted", await _doors.OkAsync("door", "simulate", "swipe", "12:10001", "--door", "1"), StringComparison.Ordinal);
        var modes = Logged().Where(e => e.Kind == AccessEventKind.Mode).Select(e => (e.Reason, e.Actor)).ToList();
        Assert.Equal([("normal", "cli:tester"), ("lockdown", "cli:tester")], modes);
    }

    [Fact]
    public async Task Free_passage_keeps_the_door_unlocked()
    {
        Assert.Equal("door 1 正门: unlocked, mode free", await _doors.OkAsync("door", "mode", "FREE", "--door", "1"));

        Station.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.True(Unlocked(1));
        using var json = JsonDocument.Parse(await _doors.OkAsync("door", "list", "--json"));
        Assert.Equal("free", json.RootElement.GetProperty("doors")[0].GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("there is no door '9'", "door", "unlock", "--door", "9")]
    [InlineData("1s–10m", "door", "unlock", "--door", "1", "--for", "0s")]
    [InlineData("1s–10m", "door", "unlock", "--door", "1", "--for", "11m")]
    [InlineData("1s–10m", "door", "unlock", "--door", "1", "--for", "soon")]
    [InlineData("--door", "door", "unlock")]
    [InlineData("there is no door '9'", "door", "mode", "lockdown", "--door", "9")]
    [InlineData("normal, lockdown or free", "door", "mode", "open", "--door", "1")]
    [InlineData("Required argument missing", "door", "mode", "--door", "1")]
    public async Task Bad_input_exits_2_with_a_clear_message_and_changes_nothing(string message, params string[] args)
    {
        var r = await Station.CliAsync(args);

        Assert.Equal(2, r.Exit);
        Assert.Contains(message, r.Err, StringComparison.Ordinal);
        Assert.False(Unlocked(1) || Unlocked(2));
        Assert.All(_doors.Access.System.Doors, d => Assert.Equal("normal", Access.Doors.DoorController.ModeName(d.Mode)));
        Assert.Empty(Logged());
    }

    [Theory]
    [InlineData("/api/doors/9/unlock", """{}""")]
    [InlineData("/api/doors/x/unlock", """{}""")]
    [InlineData("/api/doors/1/unlock", """{"for":"-5s"}""")]
    [InlineData("/api/doors/9/mode", """{"mode":"lockdown"}""")]
    [InlineData("/api/doors/1/mode", """{"mode":"open"}""")]
    [InlineData("/api/doors/1/mode", """{}""")]
    public async Task The_api_answers_400_for_an_unknown_door_time_or_mode(string path, string body)
    {
        var admin = await _doors.AsAsync("admin");

        var r = await admin.PostAsync(path, ApiStation.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Empty(Logged());
    }

    public static TheoryData<string, HttpStatusCode> EngineersAndAdmins => DoorStation.Answers("admin engineer");

    [Theory]
    [MemberData(nameof(EngineersAndAdmins))]
    public async Task Admins_and_engineers_unlock_a_door_and_the_log_names_them(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.PostAsync("/api/doors/1/unlock", ApiStation.Json("""{"for":"10s"}"""));

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, Unlocked(1));
        Assert.Equal(expected == HttpStatusCode.OK ? ["user:someone"] : [], Logged().Select(e => e.Actor));
    }

    public static TheoryData<string, HttpStatusCode> OnlyAdmins => DoorStation.Answers("admin");

    [Theory]
    [MemberData(nameof(OnlyAdmins))]
    public async Task Only_admins_set_a_doors_mode(string role, HttpStatusCode expected)
    {
        var client = await _doors.AsAsync(role);

        var r = await client.PostAsync("/api/doors/1/mode", ApiStation.Json("""{"mode":"lockdown"}"""));

        Assert.Equal(expected, r.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? "lockdown" : "normal", Access.Doors.DoorController.ModeName(_doors.Access.System.Door(1)!.Mode));
    }
}
