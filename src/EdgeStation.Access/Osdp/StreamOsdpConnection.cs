namespace EdgeStation.Access.Osdp;

/// <summary>A line over any stream: a serial port's base stream, or a pseudo-terminal in tests.</summary>
public sealed class StreamOsdpConnection(Stream stream) : IOsdpConnection
{
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => stream.ReadAsync(buffer, cancellationToken);

    public void Dispose() => stream.Dispose();
}
