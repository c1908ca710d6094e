using System.Device.Gpio;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Alarms;

public sealed class AlarmBoardTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly AlarmBoard _board;

    public AlarmBoardTests()
    {
        _board = new AlarmBoard(_time);
    }

    [Fact]
    public void Raised_alarm_waits_for_acknowledgement_and_records_who()
    {
        var a = _board.Raise(AlarmKind.Panic, "school gate");
        Assert.Single(_board.Unacknowledged());
        _time.Advance(TimeSpan.FromSeconds(40));
        var done = _board.Acknowledge(a.Id, "wang");
        Assert.Equal("wang", done!.AcknowledgedBy);
        Assert.Equal(_time.GetUtcNow(), done.AcknowledgedAt);
        Assert.Empty(_board.Unacknowledged());
    }

    [Fact]
    public void Same_alarm_raised_again_before_acknowledgement_is_one_alarm()
    {
        var a = _board.Raise(AlarmKind.Panic, "b1");
        var b = _board.Raise(AlarmKind.Panic, "b1");
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(1, _board.RaisedCount(AlarmKind.Panic));
    }

    [Fact]
    public void Alarm_raised_after_acknowledgement_is_a_new_alarm()
    {
        var a = _board.Raise(AlarmKind.Panic, "b1");
        _board.Acknowledge(a.Id, "li");
        Assert.NotEqual(a.Id, _board.Raise(AlarmKind.Panic, "b1").Id);
        Assert.Equal(2, _board.RaisedCount(AlarmKind.Panic));
    }

    [Fact]
    public void Ended_cause_keeps_the_alarm_until_acknowledged()
    {
        _board.Raise(AlarmKind.ForcedOpen, "door 1");
        _board.CauseEnded(AlarmKind.ForcedOpen, "door 1");
        var a = Assert.Single(_board.Unacknowledged());
        Assert.False(a.CauseActive);
    }

    [Fact]
    public void Acknowledging_an_unknown_alarm_changes_nothing()
    {
        _board.Raise(AlarmKind.Tamper, "reader 1");
        Assert.Null(_board.Acknowledge(999, "li"));
        Assert.Single(_board.Unacknowledged());
    }

    [Fact]
    public void Pressing_the_one_button_alarm_raises_it_during_the_edge_callback()
    {
        var d = new SimulatedGpioDriver(_time);
        using var gpio = new GpioController(d);
        var seen = new List<Alarm>();
        _board.Changed += (a, isNew) => { if (isNew) { seen.Add(a); } };
        using var input = new AlarmInput(gpio, new AlarmInputSettings("center", 24), _board);
        d.Drive(24, PinValue.Low);
        var alarm = Assert.Single(seen);
        Assert.Equal(AlarmKind.Panic, alarm.Kind);
        Assert.Equal(_time.GetUtcNow(), alarm.RaisedAt);
        d.Drive(24, PinValue.High);
        Assert.False(_board.Unacknowledged()[0].CauseActive);
    }

    [Fact]
    public void Button_held_down_at_start_raises_the_alarm()
    {
        var driver = new SimulatedGpioDriver(_time);
        using var gpio = new GpioController(driver);
        driver.Drive(25, PinValue.Low);
        using var input = new AlarmInput(gpio, new AlarmInputSettings("school", 25), _board);
        Assert.Single(_board.Unacknowledged());
    }
}
