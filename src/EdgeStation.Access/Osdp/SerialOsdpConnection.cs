using System.IO.Ports;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// The RS-485 bus through a serial device (a USB-RS485 adapter, /dev/ttyUSB0, or the board's UART with a transceiver):
/// 8 data bits, no parity, one stop bit, at the readers' speed (9600 out of the box; 115200 once set). Half-duplex
/// direction switching is the adapter's job (automatic on common USB adapters; a UART needs a transceiver with
/// automatic direction control or the kernel's RS-485 mode).
/// </summary>
public static class SerialOsdpConnection
{
    public static readonly int[] SupportedBaudRates = [9600, 19200, 38400, 57600, 115200, 230400];

    /// <summary>Opens <paramref name="device"/>; an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> says what is wrong with it.</summary>
    public static IOsdpConnection Open(string device, int baudRate = 9600)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        if (!SupportedBaudRates.Contains(baudRate))
        {
            throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, $"OSDP runs at {string.Join(", ", SupportedBaudRates)} baud");
        }
        if (!File.Exists(device))
        {
            throw new FileNotFoundException($"no serial device {device}: is the USB-RS485 adapter plugged in? (ls /dev/ttyUSB* /dev/ttyAMA* /dev/serial/by-id)", device);
        }
        var port = new SerialPort(device, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 1000,
        };
        try
        {
            port.Open();
            port.DiscardInBuffer();
            return new SerialLine(port);
        }
        catch (UnauthorizedAccessException ex)
        {
            port.Dispose();
            // System.IO.Ports reports every failed open as "access denied"; the cause it wraps says more.
            throw new UnauthorizedAccessException(
                $"cannot open the serial device {device}: {ex.InnerException?.Message ?? ex.Message} (the service user needs the dialout group, and no other program may hold the port)", ex);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <summary>Keeps the port (not only its stream) alive as long as the connection.</summary>
    private sealed class SerialLine(SerialPort port) : IOsdpConnection
    {
        private readonly StreamOsdpConnection _stream = new(port.BaseStream);

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, cancellationToken);

        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => _stream.ReadAsync(buffer, cancellationToken);

        public void Dispose()
        {
            _stream.Dispose();
            port.Dispose();
        }
    }
}
