using System.Device.Gpio;
using EdgeStation.Access.Gpio;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Wiegand;

public sealed class WiegandReaderTests : IDisposable
{
    private const int D0 = 5;
    private const int D1 = 6;
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _gpio;
    private readonly WiegandReader _reader;
    private readonly List<WiegandFrame> _frames = [];

    public WiegandReaderTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
        _reader = new WiegandReader(_gpio, D0, D1, _time);
        _reader.FrameRead += _frames.Add;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _gpio.Dispose();
    }

    private void Pulse(bool bit)
    {
        var pin = bit ? D1 : D0;
        _driver.Drive(pin, PinValue.Low);
        _time.Advance(TimeSpan.FromTicks(500)); // 50 µs low
        _driver.Drive(pin, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(2));
    }

    [Fact]
    public void Card_swiped_on_the_lines_is_read_once_the_line_goes_quiet()
    {
        foreach (var b in WiegandDecoder.Encode(26, 12, 34567))
        {
            Pulse(b);
        }
        Assert.Empty(_frames);
        _time.Advance(WiegandDecoder.DefaultFrameGap);
        var frame = Assert.Single(_frames);
        Assert.Equal(CardId.Parse("12:34567"), frame.Card);
    }

    [Fact]
    public void Keypad_burst_then_card_gives_two_frames_in_order()
    {
        foreach (var b in "10100101")
        {
            Pulse(b == '1');
        }
        _time.Advance(WiegandDecoder.DefaultFrameGap);
        foreach (var b in WiegandDecoder.Encode(34, 1000, 2000))
        {
            Pulse(b);
        }
        _time.Advance(WiegandDecoder.DefaultFrameGap);
        Assert.Equal(['5', '\0'], _frames.Select(f => f.Key));
        Assert.Equal(CardId.Wiegand(1000, 2000), _frames[1].Card);
    }

    [Fact]
    public void Missed_pulse_is_counted_as_a_rejected_frame()
    {
        var bits = WiegandDecoder.Encode(26, 12, 34567);
        foreach (var b in bits.Where((_, i) => i != 7))
        {
            Pulse(b);
        }
        _time.Advance(WiegandDecoder.DefaultFrameGap);
        Assert.Equal(WiegandFrameKind.Rejected, Assert.Single(_frames).Kind);
        Assert.Equal(1, _reader.RejectedFrames);
    }

    [Fact]
    public void Disposed_reader_releases_its_pins()
    {
        _reader.Dispose();
        Assert.False(_driver.IsOpen(D0));
        Assert.False(_driver.IsOpen(D1));
    }
}
