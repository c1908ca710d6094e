using System.Device.Gpio;

namespace EdgeStation.Access.Gpio;

/// <summary>
/// A GPIO chip in memory, for tests and <c>edgestation demo</c>: the code under test opens pins through an ordinary
/// <see cref="GpioController"/>, while the test (or the demo) plays the outside world with <see cref="Drive"/>
/// and reads what the station wrote with <see cref="OutputLevel"/> and <see cref="Writes"/>.
/// Edge callbacks run synchronously on the thread that drives the input, so a test sees every consequence of an
/// edge when <see cref="Drive"/> returns; real drivers call back on their own thread, which the adapters allow for.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SimulatedPin[] _pins;
    private readonly List<SimulatedWrite> _writes = [];

    /// <param name="pinCount">Lines on the chip; 28 matches the Raspberry Pi header's BCM 0–27.</param>
    public SimulatedGpioDriver(TimeProvider time, int pinCount = 28)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _time = time;
        _pins = new SimulatedPin[pinCount];
        for (var i = 0; i < pinCount; i++)
        {
            _pins[i] = new SimulatedPin();
        }
    }

    /// <summary>Raised after the station writes an output (pin, new level), on the writing thread.</summary>
    public event Action<int, PinValue>? OutputWritten;

    protected override int PinCount => _pins.Length;

    /// <summary>Every write to an output, in order, with the monotonic timestamp of the injected clock.</summary>
    public IReadOnlyList<SimulatedWrite> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public bool IsOpen(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).Open;
        }
    }

    /// <summary>The level the station last wrote to <paramref name="pin"/> (Low when never written).</summary>
    public PinValue OutputLevel(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).Output;
        }
    }

    /// <summary>
    /// The outside world sets the level on an input line (a reader's data line, a door contact, a button). Fires the
    /// callbacks registered for the resulting edge, if the level changed. Works on closed pins too (the wire exists
    /// whether or not the station listens), but then nobody hears it.
    /// </summary>
    public void Drive(int pin, PinValue level)
    {
        PinChangeEventHandler[] handlers;
        PinEventTypes edge;
        lock (_gate)
        {
            var p = Pin(pin);
            var before = LevelOf(p);
            p.External = level;
            var after = LevelOf(p);
            if (before == after || !p.Open)
            {
                return;
            }
            edge = after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            handlers = [.. p.Handlers.Where(h => (h.Events & edge) != 0).Select(h => h.Handler)];
            p.Waiters.RemoveAll(w => w.Offer(edge));
        }
        var args = new PinValueChangedEventArgs(edge, pin);
        foreach (var handler in handlers)
        {
            handler(this, args);
        }
    }

    /// <summary>Lets the line float again: its level is the pull resistor's (High with a pull-up, else Low).</summary>
    public void Release(int pin)
    {
        PinValue target;
        lock (_gate)
        {
            var p = Pin(pin);
            target = p.Mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low;
        }
        Drive(pin, target);
        lock (_gate)
        {
            Pin(pin).External = null;
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            var p = Pin(pinNumber);
            if (p.Open)
            {
                throw new InvalidOperationException($"GPIO {pinNumber} is already open");
            }
            p.Open = true;
            p.Mode = PinMode.Input;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            var p = Pin(pinNumber);
            p.Open = false;
            p.Handlers.Clear();
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            OpenPinOf(pinNumber).Mode = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return OpenPinOf(pinNumber).Mode;
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber)
    {
        lock (_gate)
        {
            return LevelOf(OpenPinOf(pinNumber));
        }
    }

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate)
        {
            var p = OpenPinOf(pinNumber);
            if (p.Mode != PinMode.Output)
            {
                throw new InvalidOperationException($"GPIO {pinNumber} is not an output");
            }
            p.Output = value;
            _writes.Add(new SimulatedWrite(pinNumber, value, _time.GetTimestamp()));
        }
        OutputWritten?.Invoke(pinNumber, value);
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            OpenPinOf(pinNumber).Handlers.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            OpenPinOf(pinNumber).Handlers.RemoveAll(h => h.Handler == callback);
        }
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var waiter = new SimulatedEdgeWaiter(eventTypes);
        lock (_gate)
        {
            OpenPinOf(pinNumber).Waiters.Add(waiter);
        }
        try
        {
            return waiter.Wait(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                Pin(pinNumber).Waiters.Remove(waiter);
            }
        }
    }

    public override GpioChipInfo GetChipInfo() => new(0, "simulated", "EdgeStation simulated GPIO", _pins.Length);

    private static PinValue LevelOf(SimulatedPin p) =>
        p.Mode == PinMode.Output ? p.Output
        : p.External ?? (p.Mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low);

    private SimulatedPin Pin(int pin)
    {
        if ((uint)pin >= (uint)_pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, $"the simulated chip has lines 0–{_pins.Length - 1}");
        }
        return _pins[pin];
    }

    private SimulatedPin OpenPinOf(int pin)
    {
        var p = Pin(pin);
        return p.Open ? p : throw new InvalidOperationException($"GPIO {pin} is not open");
    }
}
