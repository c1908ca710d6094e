using System.Device.Gpio;
using EdgeStation.Access.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Gpio;

public sealed class SimulatedGpioDriverTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;

    public SimulatedGpioDriverTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _controller = new GpioController(_driver);
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void Output_written_through_the_controller_is_readable_by_the_test_with_its_time()
    {
        _controller.OpenPin(17, PinMode.Output);
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _controller.Write(17, PinValue.High);

        Assert.Equal(PinValue.High, _driver.OutputLevel(17));
        var write = Assert.Single(_driver.Writes);
        Assert.Equal(17, write.Pin);
        Assert.Equal(PinValue.High, write.Level);
        Assert.Equal(_time.GetTimestamp(), write.Timestamp);
    }

    [Fact]
    public void Input_with_pull_up_reads_high_until_driven_low_and_again_when_released()
    {
        _controller.OpenPin(5, PinMode.InputPullUp);
        Assert.Equal(PinValue.High, _controller.Read(5));
        _driver.Drive(5, PinValue.Low);
        Assert.Equal(PinValue.Low, _controller.Read(5));
        _driver.Release(5);
        Assert.Equal(PinValue.High, _controller.Read(5));
    }

    [Fact]
    public void Driving_an_input_fires_only_the_callbacks_for_that_edge()
    {
        _controller.OpenPin(6, PinMode.InputPullUp);
        var falling = new List<PinEventTypes>();
        var rising = new List<PinEventTypes>();
        _controller.RegisterCallbackForPinValueChangedEvent(6, PinEventTypes.Falling, (_, e) => falling.Add(e.ChangeType));
        _controller.RegisterCallbackForPinValueChangedEvent(6, PinEventTypes.Rising, (_, e) => rising.Add(e.ChangeType));

        _driver.Drive(6, PinValue.Low);
        _driver.Drive(6, PinValue.Low); // no change, no edge
        _driver.Drive(6, PinValue.High);

        Assert.Equal([PinEventTypes.Falling], falling);
        Assert.Equal([PinEventTypes.Rising], rising);
    }

    [Fact]
    public void Removed_callback_hears_nothing()
    {
        _controller.OpenPin(6, PinMode.InputPullUp);
        var count = 0;
        void Handler(object s, PinValueChangedEventArgs e) => count++;
        _controller.RegisterCallbackForPinValueChangedEvent(6, PinEventTypes.Falling | PinEventTypes.Rising, Handler);
        _driver.Drive(6, PinValue.Low);
        _controller.UnregisterCallbackForPinValueChangedEvent(6, Handler);
        _driver.Drive(6, PinValue.High);
        Assert.Equal(1, count);
    }

    [Fact]
    public void A_pin_the_chip_lacks_is_refused_with_its_range()
    {
        var ex = Assert.ThrowsAny<Exception>(() => _controller.OpenPin(40, PinMode.Input));
        Assert.Contains("0–27", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForEvent_returns_the_edge_that_happened()
    {
        _controller.OpenPin(7, PinMode.InputPullUp);
        using var cts = new CancellationTokenSource();
        var waiting = Task.Run(() => _controller.WaitForEvent(7, PinEventTypes.Falling, cts.Token));
        // The waiter registers on another thread: toggle until it has heard a falling edge.
        var spin = new SpinWait();
        while (!waiting.IsCompleted)
        {
            _driver.Drive(7, PinValue.Low);
            _driver.Drive(7, PinValue.High);
            spin.SpinOnce();
        }
        var result = await waiting;
        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Falling, result.EventTypes);
    }

    [Fact]
    public void WaitForEvent_cancelled_reports_a_timeout()
    {
        _controller.OpenPin(7, PinMode.InputPullUp);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var result = _controller.WaitForEvent(7, PinEventTypes.Falling, cts.Token);
        Assert.True(result.TimedOut);
    }
}
