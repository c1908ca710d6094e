using System.Net;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>Every state-changing request but /login carries the session's CSRF token, or is refused and stores nothing.</summary>
public sealed class CsrfTests : OfficialApiTest
{
    private async Task<HttpResponseMessage> PostWithToken(string path, HttpContent? content, string? token, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        Http.DefaultRequestHeaders.Remove("X-CSRF-Token");
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-Token", token);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return await Http.SendAsync(request);
    }

    private async Task<string> Token()
    {
        var me = await Http.GetStringAsync("/api/me");
        return System.Text.Json.JsonDocument.Parse(me).RootElement.GetProperty("csrfToken").GetString()!;
    }

    [Fact]
    public async Task A_post_without_the_token_is_403_and_stores_nothing()
    {
        var head = Station.Store.Head;

        var r = await PostWithToken("/api/records", ApiStation.Json(NewEvent), token: null);

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("CSRF", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task A_post_with_a_wrong_token_is_403_and_stores_nothing()
    {
        var head = Station.Store.Head;

        var r = await PostWithToken("/api/records", ApiStation.Json(NewEvent), token: "forged-token");

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task Another_sessions_token_does_not_do()
    {
        var other = await Station.SignedInAsync("zhaolei", Role.Official);
        var otherToken = other.DefaultRequestHeaders.GetValues("X-CSRF-Token").Single();
        var head = Station.Store.Head;

        var r = await PostWithToken("/api/records", ApiStation.Json(NewEvent), otherToken);

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task The_right_token_in_the_header_is_accepted()
    {
        var r = await PostWithToken("/api/records", ApiStation.Json(NewEvent), await Token());

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    [Fact]
    public async Task A_form_carries_the_token_in_its_csrf_field()
    {
        var token = await Token();

        var r = await PostWithToken("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token }), token: null);

        Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
    }

    [Fact]
    public async Task Logout_without_the_token_is_refused_and_the_session_lives_on()
    {
        var r = await PostWithToken("/logout", null, token: null);

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_request_from_another_origin_is_refused_even_with_the_token()
    {
        var head = Station.Store.Head;

        var r = await PostWithToken("/api/records", ApiStation.Json(NewEvent), await Token(), origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal(head, Station.Store.Head);
    }

    [Fact]
    public async Task A_login_posted_from_another_origin_is_refused()
    {
        var client = Station.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = ApiStation.Json($$"""{"name":"wangfang","secret":"{{ApiStation.Secret}}"}""") };
        request.Headers.Add("Origin", "http://evil.example");

        var r = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
    }

    [Fact]
    public async Task Reads_need_no_token()
    {
        Http.DefaultRequestHeaders.Remove("X-CSRF-Token");

        var r = await Http.GetAsync("/api/records");

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }
}
