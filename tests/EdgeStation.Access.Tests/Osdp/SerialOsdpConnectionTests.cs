using System.Runtime.InteropServices;
using EdgeStation.Access.Osdp;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;
using Microsoft.Win32.SafeHandles;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>
/// The panel through System.IO.Ports on a real serial device: a pseudo-terminal, whose other end a simulated reader
/// serves, as a USB-RS485 adapter with a reader on it would be.
/// </summary>
public sealed partial class SerialOsdpConnectionTests
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int openpty(out int master, out int slave, nint name, nint termios, nint winsize);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint ttyname(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    [Fact]
    public async Task A_card_read_and_a_secure_channel_cross_a_real_serial_device()
    {
        Assert.Equal(0, openpty(out var master, out var slave, 0, 0, 0));
        var device = Marshal.PtrToStringUTF8(ttyname(slave))!;
        using var line = SerialOsdpConnection.Open(device, 115200);
        close(slave); // the port holds its own descriptor now
        using var masterStream = new FileStream(new SafeFileHandle(master, ownsHandle: true), FileAccess.ReadWrite, 1);
        var key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        var reader = new SimulatedOsdpReader(3, key) { RequireSecureChannel = true };
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(() => Serve(masterStream, reader, stop.Token));

        // Real time on a real device: a generous reply timeout, so a loaded machine cannot fail the test.
        using var panel = new OsdpControlPanel(line, TimeProvider.System, new OsdpPanelOptions { ReplyTimeout = TimeSpan.FromSeconds(10) });
        var cards = new List<OsdpCardRead>();
        panel.CardRead += cards.Add;
        panel.Add(3, secure: true, baseKey: key);

        await panel.PollRoundAsync(CancellationToken.None);
        reader.PresentCard(WiegandDecoder.Encode(34, 4321, 65000));
        await panel.PollRoundAsync(CancellationToken.None);

        Assert.True(panel.Link(3).SecureChannelUp);
        Assert.Equal(CardId.Wiegand(4321, 65000), Assert.Single(cards).Frame.Card);
        await stop.CancelAsync();
        line.Dispose(); // the master's read ends when the last slave descriptor closes
        await serving;
    }

    [Fact]
    public void A_missing_device_and_a_wrong_speed_are_refused_in_words()
    {
        var missing = Assert.Throws<FileNotFoundException>(() => SerialOsdpConnection.Open("/dev/ttyUSB-edgestation-none"));
        Assert.Contains("plugged in", missing.Message, StringComparison.Ordinal);
        // Not a terminal: the port cannot be configured, and the words say which device and why.
        var notSerial = Assert.ThrowsAny<Exception>(() => SerialOsdpConnection.Open("/dev/null"));
        Assert.Contains("/dev/null", notSerial.Message, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SerialOsdpConnection.Open("/dev/null", 12345));
        Assert.Contains("9600", e.Message, StringComparison.Ordinal);
    }

    private static void Serve(FileStream master, SimulatedOsdpReader reader, CancellationToken stop)
    {
        var frames = new OsdpFrameReader();
        var buffer = new byte[256];
        while (!stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = master.Read(buffer);
            }
            catch (IOException)
            {
                return; // EIO: the serial side closed
            }
            if (n == 0)
            {
                return;
            }
            foreach (var received in frames.Feed(buffer.AsSpan(0, n)))
            {
                if (reader.Handle(received) is { } reply)
                {
                    master.Write(reply);
                    master.Flush();
                }
            }
        }
    }
}
