using EdgeStation.Access.Osdp;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>A line over a simulated bus that fails on demand, as a USB-RS485 adapter pulled out does (an I/O error).</summary>
internal sealed class FlakyOsdpLine(SimulatedOsdpBus bus) : IOsdpConnection
{
    public bool Broken { get; set; }
    public bool Disposed { get; private set; }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        Broken ? throw new IOException("Input/output error: the adapter is gone") : bus.WriteAsync(bytes, cancellationToken);

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Broken ? throw new IOException("Input/output error: the adapter is gone") : bus.ReadAsync(buffer, cancellationToken);

    public void Dispose()
    {
        Disposed = true;
        bus.Dispose();
    }
}
