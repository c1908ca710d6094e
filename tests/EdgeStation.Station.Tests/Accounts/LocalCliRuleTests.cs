using System.Net;
using EdgeStation.Domain.Accounts;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Cli;
using EdgeStation.Station.Config;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Issue 15: POST /api/cli/read declared "signed in" and refused sessions inside its handler, so the access layer alone
/// would have let any logged-in user run the command line with an official's reach. <see cref="AccessRule.LocalCli"/>
/// on its own, in the real middleware, in front of an endpoint that accepts whatever reaches it.
/// </summary>
public sealed class LocalCliRuleTests
{
    private readonly LocalCliToken _token = LocalCliToken.Create();
    private readonly SessionStore _sessions = new(new FakeTimeProvider(), new SessionSettings());

    private async Task<(int Status, bool Reached, string? ContentType)> Send(Action<HttpRequest> caller, string remote = "127.0.0.1")
    {
        var reached = false;
        var middleware = new AccessMiddleware(_ => { reached = true; return Task.CompletedTask; }, _sessions, _token);
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        http.Request.Method = "POST";
        http.Request.Path = ServiceRead.Path;
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Loopback;
        http.Connection.LocalPort = 8080;
        http.Response.Body = new MemoryStream();
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(AccessRule.LocalCli), "cli read"));
        caller(http.Request);

        await middleware.InvokeAsync(http);

        return (http.Response.StatusCode, reached, http.Response.ContentType);
    }

    private Action<HttpRequest> Session(Role role)
    {
        var (session, cookie) = _sessions.Create(new UserAccess("wangfang", role, []));
        return r =>
        {
            r.Headers.Cookie = $"{SessionStore.CookieName}={cookie}";
            r.Headers[AccessMiddleware.CsrfHeader] = session.CsrfToken; // a complete, valid session request
        };
    }

    private Action<HttpRequest> LocalToken => r =>
    {
        r.Headers.Authorization = $"{LocalCliToken.Scheme} {_token.Value}";
        r.Headers[LocalCliToken.ActorHeader] = "cli:tester";
    };

    [Theory]
    [InlineData(Role.Admin)]
    [InlineData(Role.Official)]
    public async Task A_session_of_any_role_is_refused_by_the_rule(Role role)
    {
        var (status, reached, type) = await Send(Session(role));

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.Equal("application/problem+json", type);
        Assert.False(reached);
    }

    [Fact]
    public async Task A_caller_without_token_or_session_is_refused_by_the_rule()
    {
        var (status, reached, type) = await Send(_ => { });

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Equal("application/problem+json", type);
        Assert.False(reached);
    }

    [Fact]
    public async Task The_local_token_from_loopback_is_accepted()
    {
        var (status, reached, _) = await Send(LocalToken);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.True(reached);
    }

    [Fact]
    public async Task The_local_token_from_another_host_is_refused()
    {
        var (status, reached, _) = await Send(LocalToken, remote: "192.168.1.50");

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.False(reached);
    }
}
