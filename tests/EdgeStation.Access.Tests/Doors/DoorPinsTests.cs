using System.Device.Gpio;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Doors;

public sealed class DoorPinsTests
{
    private const int Lock = 17;
    private const int Contact = 27;
    private const int Rex = 22;
    private const int Buzzer = 23;
    private readonly FakeTimeProvider _time = new();

    private (SimulatedGpioDriver Driver, GpioController Gpio, DoorLogic Logic, DoorPins Pins) Door(bool activeHigh, LockFailMode mode)
    {
        var driver = new SimulatedGpioDriver(_time);
        var gpio = new GpioController(driver);
        var logic = new DoorLogic(_time, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
        var settings = new DoorSettings(1, "front", Lock) { LockActiveHigh = activeHigh, FailMode = mode, ContactPin = Contact, RexPin = Rex, BuzzerPin = Buzzer };
        driver.Drive(Contact, PinValue.Low); // shut
        return (driver, gpio, logic, new DoorPins(gpio, settings, logic));
    }

    [Theory]
    [InlineData(true, LockFailMode.FailSecure, "Low", "High", "Low")]
    [InlineData(false, LockFailMode.FailSecure, "High", "Low", "High")]
    [InlineData(true, LockFailMode.FailSafe, "High", "Low", "Low")]
    [InlineData(false, LockFailMode.FailSafe, "Low", "High", "High")]
    public void Relay_level_follows_polarity_and_fail_mode(bool activeHigh, LockFailMode mode, string locked, string unlocked, string stopped)
    {
        var (driver, gpio, logic, pins) = Door(activeHigh, mode);
        Assert.Equal(locked, driver.OutputLevel(Lock) == PinValue.High ? "High" : "Low");
        logic.Grant();
        Assert.Equal(unlocked, driver.OutputLevel(Lock) == PinValue.High ? "High" : "Low");
        pins.Dispose();
        Assert.Equal(stopped, driver.OutputLevel(Lock) == PinValue.High ? "High" : "Low");
        gpio.Dispose();
    }

    [Fact]
    public void Stopping_leaves_a_fail_safe_door_unlocked_and_a_fail_secure_door_locked()
    {
        foreach (var mode in new[] { LockFailMode.FailSafe, LockFailMode.FailSecure })
        {
            var (driver, gpio, _, pins) = Door(activeHigh: true, mode);
            pins.Dispose();
            var relay = new LockRelay(true, mode);
            var energised = driver.OutputLevel(Lock) == PinValue.High;
            var unlocked = mode == LockFailMode.FailSafe ? !energised : energised;
            Assert.Equal(relay.UnlockedWithoutPower, unlocked);
            gpio.Dispose();
        }
    }

    [Fact]
    public void Contact_opening_without_a_grant_sounds_the_buzzer_pin()
    {
        var (driver, gpio, _, pins) = Door(true, LockFailMode.FailSecure);
        driver.Drive(Contact, PinValue.High);
        Assert.Equal(PinValue.High, driver.OutputLevel(Buzzer));
        driver.Drive(Contact, PinValue.Low);
        Assert.Equal(PinValue.Low, driver.OutputLevel(Buzzer));
        pins.Dispose();
        gpio.Dispose();
    }

    [Fact]
    public void Exit_button_press_is_reported_on_its_falling_edge()
    {
        var (driver, gpio, _, pins) = Door(true, LockFailMode.FailSecure);
        var presses = 0;
        pins.ExitPressed += () => presses++;
        driver.Drive(Rex, PinValue.Low);
        driver.Drive(Rex, PinValue.High);
        Assert.Equal(1, presses);
        pins.Dispose();
        gpio.Dispose();
    }

    [Fact]
    public void Relay_write_follows_the_grant_on_the_same_clock_tick()
    {
        var (driver, gpio, logic, pins) = Door(true, LockFailMode.FailSecure);
        var before = _time.GetTimestamp();
        logic.Grant();
        Assert.Equal(before, driver.Writes[^1].Timestamp);
        pins.Dispose();
        gpio.Dispose();
    }
}
