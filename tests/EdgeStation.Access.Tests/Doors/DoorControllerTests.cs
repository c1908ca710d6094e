using System.Device.Gpio;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Doors;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Tests.Doors;

public sealed class DoorControllerTests : IDisposable
{
    private readonly StationDoors _s = new();
    private static DoorSettings Front => StationDoors.Front;
    private static DoorSettings Archive => StationDoors.Archive;

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Enrolled_card_swiped_pulses_the_relay_then_relocks()
    {
        var id = _s.Person(7);
        _s.Swipe(Front, 7);
        Assert.True(_s.Unlocked(Front));
        var e = Assert.Single(_s.Events);
        Assert.Equal((AccessEventKind.Granted, id, "1:7", "in", "front"), (e.Kind, e.Person, e.Card, e.Direction, e.Source));
        _s.Time.Advance(Front.Pulse);
        Assert.False(_s.Unlocked(Front));
    }

    [Fact]
    public void Relay_is_written_before_the_event_is_raised()
    {
        _s.Person(7);
        bool? unlockedAtEvent = null;
        _s.System.Event += _ => unlockedAtEvent ??= _s.Unlocked(Front);
        _s.Swipe(Front, 7);
        Assert.True(unlockedAtEvent);
    }

    [Fact]
    public void Unknown_card_leaves_the_relay_alone_and_beeps()
    {
        var writes = _s.LockWrites(Front);
        _s.Swipe(Front, 99);
        Assert.Equal(writes, _s.LockWrites(Front));
        Assert.Equal(PinValue.High, _s.Driver.OutputLevel(Front.BuzzerPin!.Value));
        var e = Assert.Single(_s.Events);
        Assert.Equal((AccessEventKind.Refused, "UnknownCard"), (e.Kind, e.Reason));
        _s.Time.Advance(DoorLogic.RefusalBeep);
        Assert.Equal(PinValue.Low, _s.Driver.OutputLevel(Front.BuzzerPin!.Value));
        Assert.Equal(1, _s.System.Refusals);
    }

    [Fact]
    public void Frame_with_a_dropped_bit_is_rejected_and_opens_nothing()
    {
        _s.Person(7);
        var bits = SimulatedWiegandBits(7);
        _s.Burst(Front.ReaderIn!.Value, bits.AsSpan(1));
        Assert.False(_s.Unlocked(Front));
        Assert.Equal(1, _s.System.RejectedFrames);
        Assert.Empty(_s.Events);
    }

    [Fact]
    public void Opening_without_a_grant_raises_forced_open_on_the_board_and_the_buzzer()
    {
        _s.Driver.Drive(Front.ContactPin!.Value, PinValue.High);
        var alarm = Assert.Single(_s.System.Board.Unacknowledged());
        Assert.Equal((AlarmKind.ForcedOpen, "front", false), (alarm.Kind, alarm.Source, alarm.Silent));
        Assert.Equal(PinValue.High, _s.Driver.OutputLevel(Front.BuzzerPin!.Value));
        var e = Assert.Single(_s.Events);
        Assert.Equal((AccessEventKind.Alarm, 1, "ForcedOpen"), (e.Kind, e.Door, e.Reason));
    }

    [Fact]
    public void Door_left_open_after_a_grant_raises_held_open()
    {
        _s.Person(7);
        _s.Swipe(Front, 7);
        _s.Driver.Drive(Front.ContactPin!.Value, PinValue.High);
        _s.Time.Advance(Front.HeldOpenAfter);
        Assert.Equal(AlarmKind.HeldOpen, Assert.Single(_s.System.Board.Unacknowledged()).Kind);
        _s.Driver.Drive(Front.ContactPin!.Value, PinValue.Low);
        Assert.False(Assert.Single(_s.System.Board.Unacknowledged()).CauseActive);
    }

    [Fact]
    public void Exit_button_unlocks_and_is_logged()
    {
        _s.Driver.Drive(Front.RexPin!.Value, PinValue.Low);
        Assert.True(_s.Unlocked(Front));
        Assert.Equal(AccessEventKind.Exit, Assert.Single(_s.Events).Kind);
    }

    [Fact]
    public void Exit_button_in_lockdown_does_nothing_but_is_logged()
    {
        _s.System.Door(1)!.SetMode(DoorMode.Lockdown, "user:admin");
        _s.Driver.Drive(Front.RexPin!.Value, PinValue.Low);
        Assert.False(_s.Unlocked(Front));
        Assert.Equal([AccessEventKind.Mode, AccessEventKind.ExitRefused], _s.Events.Select(e => e.Kind));
        Assert.Equal("user:admin", _s.Events[0].Actor);
    }

    [Fact]
    public void Lockdown_refuses_a_good_card_and_free_passage_keeps_the_door_unlocked()
    {
        _s.Person(7);
        var door = _s.System.Door(1)!;
        door.SetMode(DoorMode.Lockdown, "user:admin");
        _s.Swipe(Front, 7);
        Assert.False(_s.Unlocked(Front));
        Assert.Equal("Lockdown", _s.Events[^1].Reason);
        door.SetMode(DoorMode.FreePassage, "user:admin");
        _s.Time.Advance(TimeSpan.FromHours(1));
        Assert.True(_s.Unlocked(Front));
    }

    [Fact]
    public void Duress_pin_opens_quietly_and_raises_a_silent_alarm()
    {
        _s.Person(7, pin: "2468", duress: "2469");
        _s.Type(Front.Keypad!.Value, "2469#");
        Assert.True(_s.Unlocked(Front));
        var alarm = Assert.Single(_s.System.Board.Unacknowledged());
        Assert.Equal((AlarmKind.Duress, true), (alarm.Kind, alarm.Silent));
        Assert.Equal(PinValue.Low, _s.Driver.OutputLevel(Front.BuzzerPin!.Value));
    }

    [Fact]
    public void Card_then_pin_on_a_card_and_pin_door_opens_and_card_alone_waits()
    {
        _s.Person(7, pin: "2468");
        _s.Swipe(Archive, 7);
        Assert.False(_s.Unlocked(Archive));
        Assert.Empty(_s.Events);
        _s.Type(Archive.ReaderIn!.Value, "2468#");
        Assert.True(_s.Unlocked(Archive));
        Assert.Equal((AccessEventKind.Granted, "1:7"), (_s.Events[^1].Kind, _s.Events[^1].Card));
    }

    [Fact]
    public void Pin_typed_after_the_card_waited_too_long_is_taken_alone_and_refused()
    {
        _s.Person(7, pin: "2468");
        _s.Swipe(Archive, 7);
        _s.Time.Advance(DoorController.PinWait + TimeSpan.FromSeconds(1));
        _s.Type(Archive.ReaderIn!.Value, "2468#");
        Assert.False(_s.Unlocked(Archive));
        Assert.Equal("CardRequired", _s.Events[^1].Reason);
    }

    [Fact]
    public void First_person_in_holds_the_door_open_until_the_schedule_closes()
    {
        using var s = new StationDoors(d => d.Id == 1 ? d with { FirstInSchedule = 1 } : d);
        s.Person(7, firstIn: true);
        s.Swipe(Front, 7);
        s.Time.Advance(TimeSpan.FromHours(7)); // 17:00
        Assert.True(s.Unlocked(Front));
        Assert.True(s.System.Door(1)!.FirstInActive);
        s.Time.Advance(TimeSpan.FromHours(1)); // 18:00, schedule closed
        Assert.False(s.Unlocked(Front));
        Assert.Equal(["first-in", "normal"], s.Events.Where(e => e.Kind == AccessEventKind.Mode).Select(e => e.Reason));
    }

    [Fact]
    public void Panic_button_raises_an_alarm_and_its_acknowledgement_names_who()
    {
        _s.Driver.Drive(StationDoors.Panic.Pin, PinValue.Low);
        var alarm = Assert.Single(_s.System.Board.Unacknowledged());
        Assert.Equal(AlarmKind.Panic, alarm.Kind);
        _s.System.Acknowledge(alarm.Id, "user:wang");
        Assert.Empty(_s.System.Board.Unacknowledged());
        Assert.Equal([(AccessEventKind.Alarm, 0, "center panic", null), (AccessEventKind.AlarmAcknowledged, 0, "center panic", "user:wang")],
            _s.Events.Select(e => (e.Kind, e.Door, e.Source, e.Actor)));
    }

    [Theory]
    [InlineData(LockFailMode.FailSafe, true)]
    [InlineData(LockFailMode.FailSecure, false)]
    public void Stopping_the_station_leaves_each_lock_as_its_fail_mode_says(LockFailMode mode, bool unlockedAfter)
    {
        var s = new StationDoors(d => d with { FailMode = mode });
        var relay = new LockRelay(Front.LockActiveHigh, mode);
        Assert.False(s.Unlocked(s.Doors[0]));
        s.System.Dispose();
        // The relay is left de-energised, as on a power cut: the lock is then what its own nature makes it.
        Assert.Equal(relay.Unpowered, s.Driver.OutputLevel(Front.LockPin));
        Assert.Equal(unlockedAfter, relay.UnlockedWithoutPower);
        Assert.Equal(unlockedAfter, s.Unlocked(s.Doors[0]));
        s.Gpio.Dispose();
    }

    [Fact]
    public void Regression_stopping_the_doors_twice_is_harmless()
    {
        // The station service stops the doors, then disposes them at the end: the alarm inputs' pins were closed by then
        // and the second stop threw, logged as a critical error at every stop of `edgestation run` and `demo`.
        var s = new StationDoors();
        s.System.Dispose();
        s.System.Dispose();
        Assert.Equal(new LockRelay(Front.LockActiveHigh, Front.FailMode).Unpowered, s.Driver.OutputLevel(Front.LockPin));
        s.Gpio.Dispose();
    }

    private static bool[] SimulatedWiegandBits(int n) => EdgeStation.Access.Gpio.SimulatedWiegand.CardBits(CardId.Wiegand(1, (uint)n));
}
