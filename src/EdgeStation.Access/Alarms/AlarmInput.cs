using System.Device.Gpio;

namespace EdgeStation.Access.Alarms;

/// <summary>
/// The thin GPIO side of a one-button alarm (一键报警) or tamper switch: the falling edge raises the alarm on the board
/// at once, on the GPIO callback thread; nothing on the path waits for disk or network. Releasing the button ends the
/// cause, but the alarm stays until acknowledged.
/// </summary>
public sealed class AlarmInput : IDisposable
{
    private readonly GpioController _gpio;
    private readonly AlarmInputSettings _settings;
    private readonly PinChangeEventHandler _onEdge;

    public AlarmInput(GpioController gpio, AlarmInputSettings settings, AlarmBoard board)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(board);
        _gpio = gpio;
        _settings = settings;
        _onEdge = (_, e) =>
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                board.Raise(settings.Kind, settings.Name);
            }
            else
            {
                board.CauseEnded(settings.Kind, settings.Name);
            }
        };
        gpio.OpenPin(settings.Pin, PinMode.InputPullUp);
        gpio.RegisterCallbackForPinValueChangedEvent(settings.Pin, PinEventTypes.Falling | PinEventTypes.Rising, _onEdge);
        if (gpio.Read(settings.Pin) == PinValue.Low)
        {
            // Held down (or shorted) at start: that is an alarm too.
            board.Raise(settings.Kind, settings.Name);
        }
    }

    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_settings.Pin, _onEdge);
        _gpio.ClosePin(_settings.Pin);
    }
}
