using System.Net;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Issue 15: the cross-site checks of <c>AccessMiddleware</c>, each on its own. A state-changing request with the right
/// CSRF token is accepted only when its Origin names this station exactly (scheme, host, port) and the browser does
/// not mark it cross-site; the station's name is never taken from the request's own Host header.
/// </summary>
public sealed class OriginTests : OfficialApiTest
{
    private int Port => Station.Address.Port;

    private async Task<HttpResponseMessage> Post(string? origin, string? host = null, string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/records") { Content = ApiStation.Json(NewEvent) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        return await Http.SendAsync(request);
    }

    private async Task Refused(HttpResponseMessage r)
    {
        var head = Station.Store.Head;
        await Problem.Detail(r, HttpStatusCode.Forbidden);
        Assert.Contains("cross-site request refused", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(head, Station.Store.Head);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("http://localhost:{port}")]
    public async Task The_station_own_origin_is_accepted(string origin)
    {
        var r = await Post(origin.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{other}")] // same host, another port: another service on the box
    [InlineData("http://127.0.0.1")]
    [InlineData("https://127.0.0.1:{port}")]
    [InlineData("http://127.0.0.1.evil.example:{port}")]
    [InlineData("http://localhost.evil.example:{port}")] // a station name as a prefix of another host
    [InlineData("http://127.0.0.1:{port}/path")]
    [InlineData("http://user@127.0.0.1:{port}")]
    [InlineData("null")]
    public async Task An_origin_that_is_not_exactly_the_station_is_refused(string origin)
    {
        var r = await Post(origin
            .Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{other}", (Port == 65535 ? Port - 1 : Port + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        await Refused(r);
    }

    [Fact]
    public async Task Regression_a_dns_rebinding_page_passed_because_origin_was_compared_with_its_own_host()
    {
        // evil.example resolves to the station: the browser sends that name in Host and in Origin alike.
        var name = $"evil.example:{Port}";

        var r = await Post("http://" + name, host: name);

        await Refused(r);
    }

    [Fact]
    public async Task A_request_the_browser_marks_cross_site_is_refused_even_with_the_token_and_no_origin()
    {
        var r = await Post(origin: null, fetchSite: "cross-site");

        await Refused(r);
    }

    [Fact]
    public async Task A_same_origin_fetch_is_accepted()
    {
        var r = await Post(origin: null, fetchSite: "same-origin");

        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_content_security_policy()
    {
        var page = await Http.GetAsync("/");
        var api = await Http.GetAsync("/api/records");

        foreach (var r in new[] { page, api })
        {
            var csp = string.Join(";", r.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/login", false, true)] // the page anyone sees first
    [InlineData("/", false, true)] // the redirect to the login page
    [InlineData("/api/records", false, false)] // 401
    [InlineData("/healthz", false, false)]
    [InlineData("/assets/kiosk.js", false, false)]
    [InlineData("/", true, true)]
    [InlineData("/records/dispute", true, true)]
    [InlineData("/indicators", true, true)]
    [InlineData("/record/DS-2026-0404", true, true)] // the 404 page
    [InlineData("/api/records/DS-2026-0404", true, false)] // the 404 problem
    [InlineData("/metrics", true, true)] // the 403 page: an official may not read metrics
    public async Task The_content_security_policy_is_on_every_kind_of_answer(string path, bool signedIn, bool page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (page)
        {
            request.Headers.Accept.ParseAdd("text/html");
        }

        var r = await (signedIn ? Http : Station.NewClient()).SendAsync(request);

        Assert.True(r.Headers.TryGetValues("Content-Security-Policy", out var csp), $"GET {path} answered {(int)r.StatusCode} without a Content-Security-Policy");
        Assert.Equal(AccessMiddleware.ContentSecurityPolicy, csp.Single());
    }
}
