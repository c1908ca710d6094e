using System.Net;
using EdgeStation.Station.Accounts;
using EdgeStation.Station.Config;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Accounts;

/// <summary>
/// Issue 15: the Origin of a state change is compared with the station's own addresses: loopback, the configured
/// <c>http.bind</c> address, the address the connection reached and the box's host name (also as NAME.local). A
/// station bound to a LAN address cannot be opened on a test machine, so the real middleware gets requests whose
/// connection says where they arrived. A request that passes the cross-site check meets the login check next (401);
/// one that does not is a 403.
/// </summary>
public sealed class OriginStationAddressTests
{
    private static async Task<int> Post(string origin, string? bind, string local = "127.0.0.1")
    {
        var middleware = new AccessMiddleware(_ => Task.CompletedTask, new SessionStore(new FakeTimeProvider(), new SessionSettings()), bind: bind);
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = "POST";
        http.Request.Scheme = "http";
        http.Request.Path = "/api/records";
        http.Request.Headers.Origin = origin;
        http.Connection.RemoteIpAddress = IPAddress.Parse("127.0.0.1");
        http.Connection.LocalIpAddress = IPAddress.Parse(local);
        http.Connection.LocalPort = 8080;
        http.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(http);

        return http.Response.StatusCode;
    }

    [Theory]
    [InlineData("http://10.0.0.5:8080", "10.0.0.5")] // the configured bind address
    [InlineData("http://[fd00::5]:8080", "fd00::5")]
    [InlineData("http://127.0.0.1:8080", null)]
    [InlineData("http://[::1]:8080", null)]
    [InlineData("http://localhost:8080", null)]
    public async Task An_origin_naming_a_station_address_passes_the_cross_site_check(string origin, string? bind)
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, await Post(origin, bind));
    }

    [Fact]
    public async Task An_origin_naming_the_box_by_its_host_name_passes_the_cross_site_check()
    {
        var name = Dns.GetHostName();

        Assert.Equal(StatusCodes.Status401Unauthorized, await Post($"http://{name}:8080", null));
        Assert.Equal(StatusCodes.Status401Unauthorized, await Post($"http://{name}.local:8080", null));
    }

    [Fact]
    public async Task An_origin_naming_the_address_the_connection_reached_passes_the_cross_site_check()
    {
        Assert.Equal(StatusCodes.Status401Unauthorized, await Post("http://192.168.1.10:8080", bind: "0.0.0.0", local: "192.168.1.10"));
    }

    [Theory]
    [InlineData("http://10.0.0.6:8080", "10.0.0.5")] // a neighbour of the bind address
    [InlineData("http://10.0.0.5:8080", null)] // an address the station was not given
    [InlineData("http://10.0.0.5:8080", "0.0.0.0")] // "every address" names none of them
    [InlineData("http://10.0.0.5:8081", "10.0.0.5")]
    public async Task An_origin_naming_another_address_is_refused(string origin, string? bind)
    {
        Assert.Equal(StatusCodes.Status403Forbidden, await Post(origin, bind));
    }
}
