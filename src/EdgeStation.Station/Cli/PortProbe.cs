using System.Net;
using System.Net.Sockets;
using EdgeStation.Storage;

namespace EdgeStation.Station.Cli;

/// <summary>
/// Binds a port for an instant and lets it go: a port someone else listens on is found before anything is created or
/// written. Kestrel's own bind stays the real test (the port can be taken in between); this one only spares a first
/// `demo` on a busy port from creating a station it then cannot serve.
/// </summary>
public static class PortProbe
{
    /// <summary>Throws <see cref="StorageEnvironmentException"/> (exit 3) when <paramref name="port"/> on 127.0.0.1 cannot be bound now.</summary>
    public static void EnsureFree(int port)
    {
        if (port == 0)
        {
            return; // any free port: nothing to take
        }
        var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
        }
        catch (SocketException ex)
        {
            throw new StorageEnvironmentException($"cannot listen on http://127.0.0.1:{port}: {ex.Message}", ex);
        }
        finally
        {
            probe.Stop();
        }
    }
}
