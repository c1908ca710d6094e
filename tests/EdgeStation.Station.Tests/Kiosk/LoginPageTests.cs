using System.Net;
using EdgeStation.Station.Kiosk;
using EdgeStation.Station.Tests.Support;

namespace EdgeStation.Station.Tests.Kiosk;

/// <summary>Issue 15: where the login page sends the browser afterwards, and how its form sends the password.</summary>
public sealed class LoginPageTests : IAsyncLifetime
{
    private ApiStation _station = null!;

    public async Task InitializeAsync() => _station = await ApiStation.StartAsync();

    public async Task DisposeAsync() => await _station.DisposeAsync();

    [Theory]
    [InlineData("/\t/evil.example/x")] // browsers drop the tab: //evil.example/x
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/ /evil.example")]
    [InlineData("evil.example")]
    public void Regression_only_a_plain_local_path_may_follow_the_login(string next)
    {
        Assert.Equal("/", KioskEndpoints.SafeNext(next));
    }

    [Theory]
    [InlineData("/records/dispute?status=assigned")]
    [InlineData("/record/DS-2026-0001")]
    [InlineData("/")]
    public void A_local_path_follows_the_login(string next)
    {
        Assert.Equal(next, KioskEndpoints.SafeNext(next));
    }

    [Fact]
    public async Task Regression_a_tab_in_next_took_the_browser_to_another_site_after_login()
    {
        var html = await _station.NewClient().GetStringAsync("/login?next=/%09/evil.example/x");

        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Contains("data-next=\"/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_the_login_form_posts_so_the_password_never_goes_into_the_url()
    {
        var html = await _station.NewClient().GetStringAsync("/login");

        Assert.Matches("<form[^>]*method=\"post\"[^>]*action=\"/login\"[^>]*data-login", html);
    }
}
