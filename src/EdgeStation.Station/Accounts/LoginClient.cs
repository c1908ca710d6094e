using System.Net;

namespace EdgeStation.Station.Accounts;

/// <summary>
/// Where a login attempt comes from: the client's address (for the per-address limit and the log) and whether it is
/// the local console, i.e. a browser or tunnel on the box itself talking to <c>127.0.0.1</c> or <c>::1</c> (the kiosk's
/// own screen, or <c>ssh -L</c> to the box). The console has its own lockout count and no per-address limit, so that
/// failures sent from the network can never keep an admin at the box out.
/// </summary>
public sealed record LoginClient(string Address, bool IsLocalConsole)
{
    public static LoginClient From(ConnectionInfo connection)
    {
        var remote = connection.RemoteIpAddress;
        if (remote is null)
        {
            return new LoginClient("unknown", false); // not a TCP client (a test server): never the console
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        return new LoginClient(remote.ToString(), remote.Equals(IPAddress.Loopback) || remote.Equals(IPAddress.IPv6Loopback));
    }
}
