using System.Net.Sockets;
using EdgeStation.Station.Sync;
using Grpc.Core;

namespace EdgeStation.Station.Tests.Sync;

/// <summary>How each way a refused certificate can surface at the station is worded (the race forms seen on a busy CI).</summary>
public sealed class SyncErrorTextTests
{
    private static readonly Uri Center = new("https://center.example:7443");

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.ConnectionAborted)]
    [InlineData(SocketError.Shutdown)] // EPIPE: the station's write met the center's close
    public void A_connection_the_center_cut_during_setup_is_named_as_a_likely_refused_certificate(SocketError code)
    {
        var transport = new HttpRequestException("An error occurred while sending the request.", new IOException("write failed", new SocketException((int)code)));
        var ex = new RpcException(new Status(StatusCode.Unavailable, "Error starting gRPC call.", transport));

        var text = SyncErrorText.Describe(ex, Center);

        Assert.Contains("refused this station's certificate", text, StringComparison.Ordinal);
        Assert.Contains("center.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_network_is_still_named_as_the_uplink()
    {
        var ex = new RpcException(new Status(StatusCode.Unavailable, "Error starting gRPC call.",
            new HttpRequestException("no route", new SocketException((int)SocketError.NetworkUnreachable))));

        var text = SyncErrorText.Describe(ex, Center);

        Assert.Contains("cannot reach the center", text, StringComparison.Ordinal);
        Assert.Contains("check the uplink", text, StringComparison.Ordinal);
    }
}
