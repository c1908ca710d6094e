using System.Net;
using System.Net.Sockets;

namespace EdgeStation.Station.Tests.Support;

/// <summary>
/// An HttpClient whose connections leave from another loopback address (127.0.0.N, N ≥ 2): to the station it is a
/// client on the network, not the local console (127.0.0.1), so the per-address login limit and the network lockout
/// apply to it. Linux routes all of 127.0.0.0/8 to the loopback device, so no setup is needed.
/// </summary>
public static class LanClient
{
    /// <summary>A client from 127.x.y.z, where x.y.z is <paramref name="host"/> (2 → 127.0.0.2, 300 → 127.0.1.44).</summary>
    public static HttpClient Create(Uri station, int host)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(host, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(host, 0xFFFFFE);
        return Create(station, new IPAddress([127, (byte)(host >> 16), (byte)(host >> 8), (byte)host]));
    }

    public static HttpClient Create(Uri station, IPAddress from)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = station };
    }
}
