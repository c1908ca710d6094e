using System.Device.Gpio;

namespace EdgeStation.Access.Gpio;

/// <summary>One line of the simulated chip; guarded by the driver's lock.</summary>
internal sealed class SimulatedPin
{
    public bool Open { get; set; }
    public PinMode Mode { get; set; } = PinMode.Input;
    /// <summary>The level the outside world drives, or null while the line floats.</summary>
    public PinValue? External { get; set; }
    /// <summary>The level the station last wrote.</summary>
    public PinValue Output { get; set; } = PinValue.Low;
    public List<(PinEventTypes Events, PinChangeEventHandler Handler)> Handlers { get; } = [];
    public List<SimulatedEdgeWaiter> Waiters { get; } = [];
}
