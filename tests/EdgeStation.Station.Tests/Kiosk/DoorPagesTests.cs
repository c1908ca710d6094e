using System.Net;
using System.Text.Json;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>
/// The kiosk's door pages rendered by the running service: each role sees the buttons it may use (the API decides again);
/// the event log names people only for who sees personal fields; filters answer 400 when malformed; the door stream
/// pushes a change as it happens.
/// </summary>
public sealed class DoorPagesTests : IAsyncLifetime
{
    private DoorStation _doors = null!;

    public async Task InitializeAsync() => _doors = await DoorStation.StartAsync();

    public async Task DisposeAsync() => await _doors.DisposeAsync();

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var r = await client.SendAsync(request);
        return (r.StatusCode, await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("viewer", false, false, false)]
    [InlineData("grid-worker", false, false, false)]
    [InlineData("official", false, false, true)]
    [InlineData("engineer", true, false, true)]
    [InlineData("admin", true, true, true)]
    public async Task The_door_page_shows_each_role_the_buttons_it_may_use(string role, bool unlock, bool mode, bool events)
    {
        var (status, html) = await PageAsync(await _doors.AsAsync(role), "/doors");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 · 正门", html, StringComparison.Ordinal);
        Assert.Contains("已上锁", html, StringComparison.Ordinal);
        Assert.Equal(unlock, html.Contains("data-unlock=\"1\"", StringComparison.Ordinal));
        Assert.Equal(mode, html.Contains("data-set-mode=\"lockdown\"", StringComparison.Ordinal));
        Assert.Equal(events, html.Contains("href=\"/doors/events\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_door_page_shows_the_state_of_the_moment_it_opens()
    {
        await _doors.OkAsync("door", "mode", "lockdown", "--door", "2");
        await _doors.OkAsync("door", "unlock", "--door", "1");

        var (_, html) = await PageAsync(await _doors.AsAsync("viewer"), "/doors");

        Assert.Contains("class=\"door card is-unlocked mode-normal\" data-door=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"door card  mode-lockdown\" data-door=\"2\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("official", true)]
    [InlineData("admin", true)]
    [InlineData("engineer", false)]
    public async Task The_event_log_page_names_person_and_card_only_for_who_sees_personal_fields(string role, bool who)
    {
        await _doors.OkAsync("door", "simulate", "swipe", "12:10001", "--door", "1");
        _doors.Access.Log.WriteQueued();

        var (status, html) = await PageAsync(await _doors.AsAsync(role), "/doors/events");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("准许通行", html, StringComparison.Ordinal);
        Assert.Equal(who, html.Contains("P-000001", StringComparison.Ordinal));
        Assert.Equal(who, html.Contains("12:10001", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("grid-worker")]
    public async Task The_event_log_page_is_refused_to_viewers_and_grid_workers(string role)
    {
        var (status, html) = await PageAsync(await _doors.AsAsync(role), "/doors/events");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("无权访问", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_log_filters_by_door_and_kind()
    {
        await _doors.OkAsync("door", "simulate", "swipe", "12:10001", "--door", "1");
        await _doors.OkAsync("door", "simulate", "swipe", "12:99", "--door", "1");
        await _doors.OkAsync("door", "simulate", "swipe", "12:99", "--door", "2");
        _doors.Access.Log.WriteQueued();
        var official = await _doors.AsAsync("official");

        var (_, html) = await PageAsync(official, "/doors/events?door=1&kind=Refused&since=2026-03-10");

        Assert.Equal(1, html.Split("data-kind=\"Refused\"").Length - 1);
        Assert.DoesNotContain("data-kind=\"Granted\"", html, StringComparison.Ordinal);
        Assert.Contains("未登记的卡", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("door=9")]
    [InlineData("door=x")]
    [InlineData("kind=Fly")]
    [InlineData("kind=3")]
    [InlineData("since=2026/03/10")]
    [InlineData("limit=0")]
    [InlineData("limit=5000")]
    public async Task A_malformed_filter_is_answered_400(string query)
    {
        var official = await _doors.AsAsync("official");

        var r = await official.GetAsync("/doors/events?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Theory]
    [InlineData("official", true, true)]
    [InlineData("engineer", false, true)]
    [InlineData("viewer", false, false)]
    public async Task The_alarms_page_shows_who_acknowledged_and_the_button_only_to_the_people_on_duty(string role, bool who, bool button)
    {
        await _doors.OkAsync("door", "simulate", "alarm", "--door", "1"); // #1
        await _doors.OkAsync("door", "simulate", "alarm", "--door", "2"); // #2
        await _doors.OkAsync("alarms", "ack", "1");

        var (status, html) = await PageAsync(await _doors.AsAsync(role), "/doors/alarms");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("一键报警", html, StringComparison.Ordinal);
        Assert.Equal(who, html.Contains("cli:tester", StringComparison.Ordinal));
        Assert.Equal(button, html.Contains("data-ack=\"2\"", StringComparison.Ordinal));
        Assert.DoesNotContain("data-ack=\"1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_door_stream_pushes_the_state_at_once_and_again_when_a_door_unlocks()
    {
        var viewer = await _doors.AsAsync("viewer");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await viewer.GetAsync("/api/doors/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        Assert.False(Door1Unlocked(await NextMessageAsync(reader, cancel.Token)));
        await _doors.OkAsync("door", "simulate", "swipe", "12:10001", "--door", "1");

        // The swipe may push more than one message (grant, then the event log's count): the last state says unlocked.
        var unlocked = false;
        while (!unlocked)
        {
            unlocked = Door1Unlocked(await NextMessageAsync(reader, cancel.Token));
        }
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    private static bool Door1Unlocked(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("doors")[0].GetProperty("unlocked").GetBoolean();
    }

    /// <summary>The next message's data (keep-alive comments skipped).</summary>
    private static async Task<string> NextMessageAsync(StreamReader reader, CancellationToken cancel)
    {
        var data = new System.Text.StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancel) ?? throw new InvalidOperationException("the stream ended");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return data.ToString();
                }
                continue;
            }
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Append(line["data: ".Length..]);
            }
        }
    }
}
