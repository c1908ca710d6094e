using System.Net.Sockets;
using System.Security.Authentication;
using EdgeStation.Sync.V1;
using Grpc.Core;

namespace EdgeStation.Station.Sync;

/// <summary>A failed push in words an engineer on site can act on (`edgestation sync status`), never a stack trace.</summary>
public static class SyncErrorText
{
    public static string Describe(Exception ex, Uri endpoint)
    {
        foreach (var e in Causes(ex))
        {
            switch (e)
            {
                case AuthenticationException:
                    return $"TLS handshake with {endpoint} failed: the center's certificate is not from this station's CA, or the center refused this station's certificate (revoked, expired or unknown): {e.Message}";
                case SocketException s when s.SocketErrorCode == SocketError.ConnectionRefused:
                    return $"the center at {endpoint} refused the connection (not running, or wrong port)";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown }:
                    // The same refusal when the station's first HTTP/2 bytes were already on their way as the center closed:
                    // the center's kernel answers them with a reset instead of a clean close, or the next write meets a broken
                    // pipe (EPIPE, which .NET names Shutdown): a race, seen on a busy CI.
                    return $"the center at {endpoint} reset the connection: most likely it refused this station's certificate " +
                        "(revoked, replaced by a newer enrollment, or unknown to it), else the uplink dropped; ask the center's admin, and provision a new bundle if one was issued";
                case SocketException s when s.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData:
                    return $"cannot resolve the center's host {endpoint.Host} (DNS, or no uplink)";
                case SocketException s:
                    return $"cannot reach the center at {endpoint}: {s.SocketErrorCode} (check the uplink)";
                case HttpIOException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded }:
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError }:
                // The same event seen from another point of the connection setup (runtime 10.0.12 words it so).
                case not null when e.Message.Contains("did not complete the HTTP/2 handshake", StringComparison.Ordinal):
                    // Under TLS 1.3 the center judges the client certificate after the client thinks the handshake is done:
                    // a refused certificate shows here as a connection closed before HTTP/2 began.
                    return $"the center at {endpoint} closed the connection before HTTP/2 began: most likely it refused this station's certificate " +
                        "(revoked, replaced by a newer enrollment, or unknown to it); ask the center's admin, and provision a new bundle if one was issued";
                case TimeoutException or OperationCanceledException:
                    return $"the center at {endpoint} did not answer in time (slow or broken uplink)";
                default:
                    break;
            }
        }
        return ex is RpcException rpc
            ? $"the center at {endpoint} answered {rpc.StatusCode}: {rpc.Status.Detail}"
            : $"push to {endpoint} failed: {ex.Message}";
    }

    // gRPC keeps the transport's exception in the status (DebugException), not always as the inner exception.
    private static IEnumerable<Exception> Causes(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is RpcException { Status.DebugException: { } debug })
            {
                foreach (var d in Causes(debug))
                {
                    yield return d;
                }
            }
        }
    }

    public static string Refused(Ack ack) => $"the center refused envelope {ack.Seq}: " + ack.Reason switch
    {
        AckReason.StationMismatch => "it names another station than this station's certificate",
        AckReason.Malformed => "the center could not read it",
        AckReason.ConflictingDuplicate => "the center holds another envelope under this seq (an outbox restored from an old backup?); the center raised an alert",
        AckReason.CenterUnavailable => "the center cannot store now (its disk or database); it will be sent again",
        AckReason.UnknownKind => "the center does not know its kind",
        AckReason.NewerContract => "the center is older than this station's contract",
        _ => $"reason {ack.Reason}",
    };
}
