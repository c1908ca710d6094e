using System.Net;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Config;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Issue 15: "the local CLI token is accepted only from this box" had no test (making it always true went unnoticed).
/// A connection from another host on the LAN cannot be opened on a test machine, so the real middleware gets
/// requests whose connection says where they came from.
/// </summary>
public sealed class LocalCliTokenTests
{
    private readonly LocalCliToken _token = LocalCliToken.Create();

    private async Task<(int Status, bool Reached)> Send(string remote, string local)
    {
        var reached = false;
        var middleware = new AccessMiddleware(_ => { reached = true; return Task.CompletedTask; },
            new SessionStore(new FakeTimeProvider(), new SessionSettings()), _token);
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        http.Request.Method = "POST";
        http.Request.Path = "/api/records";
        http.Request.Headers.Authorization = $"{LocalCliToken.Scheme} {_token.Value}";
        http.Request.Headers[LocalCliToken.ActorHeader] = "cli:tester";
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Parse(local);
        http.Connection.LocalPort = 8080;
        http.Response.Body = new MemoryStream();
        var rule = AccessRule.Requires("write records", Domain.Accounts.Permission.WriteRecords);
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(rule, CliWriteAccess.Allowed), "write"));

        await middleware.InvokeAsync(http);

        return (http.Response.StatusCode, reached);
    }

    [Theory]
    [InlineData("192.168.1.50", "192.168.1.10")]
    [InlineData("10.0.0.7", "10.0.0.1")]
    [InlineData("::ffff:192.168.1.50", "::ffff:192.168.1.10")]
    public async Task The_local_token_from_another_host_is_refused(string remote, string local)
    {
        var (status, reached) = await Send(remote, local);

        Assert.Equal(StatusCodes.Status403Forbidden, status);
        Assert.False(reached);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("192.168.1.10", "192.168.1.10")] // the box itself, through its LAN address
    public async Task The_local_token_from_this_box_is_accepted(string remote, string local)
    {
        var (status, reached) = await Send(remote, local);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.True(reached);
    }
}
