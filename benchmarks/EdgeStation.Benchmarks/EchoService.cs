using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace EdgeStation.Benchmarks;

/// <summary>
/// The floor of the drain benchmark: a bare gRPC unary call that sends its bytes back, hand-bound (no .proto), served
/// over the same mutual TLS as the center (same CA, same server-certificate kind, a station's client certificate).
/// </summary>
[BindServiceMethod(typeof(EchoService), nameof(BindService))]
public sealed class EchoService
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static readonly Method<byte[], byte[]> EchoMethod = new(MethodType.Unary, "bench.Echo", "Echo", Bytes, Bytes);

    public Task<byte[]> Echo(byte[] request, ServerCallContext context) => Task.FromResult(request);

    public static void BindService(ServiceBinderBase binder, EchoService? service) =>
        binder.AddMethod(EchoMethod, service is null ? null : service.Echo);
}
