using System.Device.Gpio;

namespace EdgeStation.Access.Gpio;

/// <summary>A caller blocked in <see cref="GpioController.WaitForEvent(int, PinEventTypes, CancellationToken)"/> on the simulated chip.</summary>
internal sealed class SimulatedEdgeWaiter(PinEventTypes wanted) : IDisposable
{
    private readonly ManualResetEventSlim _signal = new();
    private PinEventTypes _seen;

    /// <summary>Takes the edge if it is one this waiter wants; true means the waiter is done.</summary>
    public bool Offer(PinEventTypes edge)
    {
        if ((wanted & edge) == 0)
        {
            return false;
        }
        _seen = edge;
        _signal.Set();
        return true;
    }

    public WaitForEventResult Wait(CancellationToken cancellationToken)
    {
        try
        {
            _signal.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = _seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
    }

    /// <summary>Only after the driver has forgotten this waiter, so no edge can still be offered to it.</summary>
    public void Dispose() => _signal.Dispose();
}
