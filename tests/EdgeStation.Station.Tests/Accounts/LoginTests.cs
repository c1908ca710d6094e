using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>POST /login, /logout and /api/me on a real Kestrel over a real station.db.</summary>
public sealed class LoginTests : IAsyncLifetime
{
    private ApiStation _station = null!;

    public async Task InitializeAsync() => _station = await ApiStation.StartAsync();

    public async Task DisposeAsync() => await _station.DisposeAsync();

    private static async Task<JsonElement> Body(HttpResponseMessage r)
    {
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task The_right_password_logs_in_with_an_HttpOnly_SameSite_Strict_session_cookie()
    {
        await _station.AddUserAsync("wangfang", Role.Official);

        var r = await _station.NewClient().PostAsJsonAsync("/login", new { name = "wangfang", secret = ApiStation.Secret });

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var cookie = Assert.Single(r.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("es_session=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal); // plain HTTP on loopback; HTTPS sets it
    }

    [Fact]
    public async Task The_session_id_is_256_random_bits()
    {
        await _station.AddUserAsync("wangfang", Role.Official);

        var r = await _station.NewClient().PostAsJsonAsync("/login", new { name = "wangfang", secret = ApiStation.Secret });

        var value = r.Headers.GetValues("Set-Cookie").Single().Split(';')[0]["es_session=".Length..];
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(value).Length);
    }

    [Fact]
    public async Task Me_names_the_user_the_role_and_the_csrf_token()
    {
        await _station.AddUserAsync("zhaolei", Role.GridWorker, ApiStation.Secret, "grid-2");
        var client = await _station.LoginAsync("ZhaoLei");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("zhaolei", me.GetProperty("name").GetString());
        Assert.Equal("grid-worker", me.GetProperty("role").GetString());
        Assert.Equal(["grid-2"], me.GetProperty("grids").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(600, me.GetProperty("idleTimeoutSeconds").GetInt32());
        Assert.False(string.IsNullOrEmpty(me.GetProperty("csrfToken").GetString()));
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_sets_no_cookie()
    {
        await _station.AddUserAsync("wangfang", Role.Official);

        var r = await _station.NewClient().PostAsJsonAsync("/login", new { name = "wangfang", secret = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.False(r.Headers.Contains("Set-Cookie"));
        Assert.Equal("the name or the password/PIN is wrong", (await Body(r)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_name_gets_the_same_answer_as_a_wrong_password()
    {
        await _station.AddUserAsync("wangfang", Role.Official);
        var client = _station.NewClient();

        var wrong = await client.PostAsJsonAsync("/login", new { name = "wangfang", secret = "wrong-password" });
        var unknown = await client.PostAsJsonAsync("/login", new { name = "nobody", secret = "wrong-password" });

        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal((await Body(wrong)).GetProperty("detail").GetString(), (await Body(unknown)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_disabled_account_cannot_log_in_and_is_not_told_why()
    {
        await _station.AddUserAsync("root", Role.Admin);
        await _station.AddUserAsync("wangfang", Role.Official);
        await _station.Users.SetDisabledAsync("wangfang", true, "cli:test", ApiStation.Start);

        var r = await _station.NewClient().PostAsJsonAsync("/login", new { name = "wangfang", secret = ApiStation.Secret });

        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        Assert.Equal("the name or the password/PIN is wrong", (await Body(r)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_login_form_works_like_json()
    {
        await _station.AddUserAsync("wangfang", Role.Official);

        var r = await _station.NewClient().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "wangfang",
            ["secret"] = ApiStation.Secret,
        }));

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("official", (await Body(r)).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("""{"name":"wangfang"}""")]
    [InlineData("""{"name":"","secret":"x"}""")]
    [InlineData("""{"name":"wangfang","secret":"x","extra":1}""")]
    [InlineData("{not json")]
    public async Task A_malformed_login_is_400(string json)
    {
        var r = await _station.NewClient().PostAsync("/login", ApiStation.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        await _station.AddUserAsync("wangfang", Role.Official);
        var client = await _station.LoginAsync("wangfang");

        var bye = await client.PostAsync("/logout", null);
        var after = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, bye.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_cookie_replayed_after_logout_is_refused()
    {
        await _station.AddUserAsync("wangfang", Role.Official);
        var login = await _station.NewClient().PostAsJsonAsync("/login", new { name = "wangfang", secret = ApiStation.Secret });
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var raw = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _station.Address };
        raw.DefaultRequestHeaders.Add("Cookie", cookie);
        raw.DefaultRequestHeaders.Add("X-CSRF-Token", (await Body(login)).GetProperty("csrfToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await raw.GetAsync("/api/me")).StatusCode);

        await raw.PostAsync("/logout", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await raw.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Health_needs_no_login()
    {
        var r = await _station.NewClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }
}
