using System.Device.Gpio;

namespace EdgeStation.Access.Wiegand;

/// <summary>
/// The thin GPIO side of a Wiegand reader: a falling edge on D0 is a 0, on D1 a 1 (both lines idle high, pulled up
/// through the 5 V→3.3 V level shifter). Bits go to a <see cref="WiegandDecoder"/>; a timer one frame gap after the
/// last bit ends the frame. Frames are raised on whichever thread ended them (a GPIO callback or the timer).
/// </summary>
public sealed class WiegandReader : IDisposable
{
    private readonly GpioController _gpio;
    private readonly int _d0;
    private readonly int _d1;
    private readonly WiegandDecoder _decoder;
    private readonly ITimer _flushTimer;
    private readonly Lock _gate = new();
    private readonly PinChangeEventHandler _onD0;
    private readonly PinChangeEventHandler _onD1;
    private bool _disposed;

    public WiegandReader(GpioController gpio, int d0, int d1, TimeProvider time, TimeSpan? frameGap = null)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(time);
        if (d0 == d1)
        {
            throw new ArgumentException($"D0 and D1 must be two pins (both are GPIO {d0})", nameof(d1));
        }
        _gpio = gpio;
        _d0 = d0;
        _d1 = d1;
        _decoder = new WiegandDecoder(time, frameGap);
        _flushTimer = time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _onD0 = (_, _) => OnBit(0);
        _onD1 = (_, _) => OnBit(1);
        _gpio.OpenPin(d0, PinMode.InputPullUp);
        _gpio.OpenPin(d1, PinMode.InputPullUp);
        _gpio.RegisterCallbackForPinValueChangedEvent(d0, PinEventTypes.Falling, _onD0);
        _gpio.RegisterCallbackForPinValueChangedEvent(d1, PinEventTypes.Falling, _onD1);
    }

    /// <summary>A whole frame: card, key, or a rejection (counted in <see cref="RejectedFrames"/>).</summary>
    public event Action<WiegandFrame>? FrameRead;

    public long RejectedFrames
    {
        get
        {
            lock (_gate)
            {
                return _decoder.RejectedFrames;
            }
        }
    }

    public long AcceptedFrames
    {
        get
        {
            lock (_gate)
            {
                return _decoder.AcceptedFrames;
            }
        }
    }

    private void OnBit(int bit)
    {
        WiegandFrame? ended;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            ended = _decoder.Bit(bit);
            _flushTimer.Change(_decoder.FrameGap, Timeout.InfiniteTimeSpan);
        }
        Raise(ended);
    }

    /// <summary>Ends the frame being read now instead of after the frame gap (the simulated chip's readers: `door simulate`).</summary>
    public void EndFrame()
    {
        WiegandFrame? ended;
        lock (_gate)
        {
            ended = _disposed ? null : _decoder.End();
        }
        Raise(ended);
    }

    private void Flush()
    {
        WiegandFrame? ended;
        lock (_gate)
        {
            ended = _disposed ? null : _decoder.Flush();
        }
        Raise(ended);
    }

    private void Raise(WiegandFrame? frame)
    {
        if (frame is { } f)
        {
            FrameRead?.Invoke(f);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _flushTimer.Dispose();
        _gpio.UnregisterCallbackForPinValueChangedEvent(_d0, _onD0);
        _gpio.UnregisterCallbackForPinValueChangedEvent(_d1, _onD1);
        _gpio.ClosePin(_d0);
        _gpio.ClosePin(_d1);
    }
}
