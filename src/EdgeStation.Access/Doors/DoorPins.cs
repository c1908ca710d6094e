using System.Device.Gpio;

namespace EdgeStation.Access.Doors;

/// <summary>
/// The thin GPIO side of a door: drives the lock relay, buzzer and LED from <see cref="DoorLogic"/>'s outputs and feeds
/// it the contact; the exit button is reported to the caller (who logs it) through <see cref="ExitPressed"/>.
/// On dispose the relay is de-energised, as on a power cut, so a stop leaves the lock as its fail mode says.
/// </summary>
public sealed class DoorPins : IDisposable
{
    private readonly GpioController _gpio;
    private readonly DoorSettings _settings;
    private readonly DoorLogic _logic;
    private readonly LockRelay _relay;
    private readonly PinChangeEventHandler _onContact;
    private readonly PinChangeEventHandler _onRex;
    private readonly Lock _writeGate = new();
    private DoorOutputs _written;
    private bool _disposed;

    public DoorPins(GpioController gpio, DoorSettings settings, DoorLogic logic)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logic);
        _gpio = gpio;
        _settings = settings;
        _logic = logic;
        _relay = new LockRelay(settings.LockActiveHigh, settings.FailMode);
        _gpio.OpenPin(settings.LockPin, PinMode.Output);
        _gpio.Write(settings.LockPin, _relay.Level(unlocked: false));
        foreach (var pin in new[] { settings.BuzzerPin, settings.LedPin })
        {
            if (pin is { } p)
            {
                _gpio.OpenPin(p, PinMode.Output);
                _gpio.Write(p, PinValue.Low);
            }
        }
        _onContact = (_, e) => _logic.Contact(e.ChangeType == PinEventTypes.Rising);
        _onRex = (_, _) => ExitPressed?.Invoke();
        if (settings.ContactPin is { } contact)
        {
            _gpio.OpenPin(contact, PinMode.InputPullUp);
            _gpio.RegisterCallbackForPinValueChangedEvent(contact, PinEventTypes.Rising | PinEventTypes.Falling, _onContact);
            _logic.Contact(_gpio.Read(contact) == PinValue.High);
        }
        if (settings.RexPin is { } rex)
        {
            _gpio.OpenPin(rex, PinMode.InputPullUp);
            _gpio.RegisterCallbackForPinValueChangedEvent(rex, PinEventTypes.Falling, _onRex);
        }
        _logic.OutputsChanged += Apply;
    }

    /// <summary>The exit button was pressed (a falling edge: the button shorts the pulled-up line to ground).</summary>
    public event Action? ExitPressed;

    public LockRelay Relay => _relay;

    private void Apply(DoorOutputs outputs)
    {
        lock (_writeGate)
        {
            ApplyLocked(outputs);
        }
    }

    private void ApplyLocked(DoorOutputs outputs)
    {
        if (_disposed)
        {
            return;
        }
        // Only what changed: a refusal's beep must not touch the relay line.
        var before = _written;
        _written = outputs;
        if (outputs.Unlocked != before.Unlocked)
        {
            _gpio.Write(_settings.LockPin, _relay.Level(outputs.Unlocked));
        }
        if (_settings.BuzzerPin is { } b && outputs.Buzzer != before.Buzzer)
        {
            _gpio.Write(b, outputs.Buzzer ? PinValue.High : PinValue.Low);
        }
        if (_settings.LedPin is { } l && outputs.Led != before.Led)
        {
            _gpio.Write(l, outputs.Led ? PinValue.High : PinValue.Low);
        }
    }

    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _logic.OutputsChanged -= Apply;
        _gpio.Write(_settings.LockPin, _relay.Unpowered);
        if (_settings.ContactPin is { } c)
        {
            _gpio.UnregisterCallbackForPinValueChangedEvent(c, _onContact);
        }
        if (_settings.RexPin is { } r)
        {
            _gpio.UnregisterCallbackForPinValueChangedEvent(r, _onRex);
        }
        foreach (var pin in new[] { _settings.BuzzerPin, _settings.LedPin })
        {
            if (pin is { } p)
            {
                _gpio.Write(p, PinValue.Low);
            }
        }
        // The relay pin stays open on its unpowered level; closing it would leave the line to the board's default.
    }
}
