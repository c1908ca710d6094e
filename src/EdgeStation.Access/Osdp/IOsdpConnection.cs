namespace EdgeStation.Access.Osdp;

/// <summary>
/// The RS-485 line as the protocol sees it: bytes out, bytes in. The serial port and the in-process simulated bus are
/// the two implementations; the panel never learns which one it has.
/// </summary>
public interface IOsdpConnection : IDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>Waits for at least one byte; returns how many were read (0: the line is closed).</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
