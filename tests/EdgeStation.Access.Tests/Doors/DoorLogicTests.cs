using CsCheck;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Doors;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Access.Tests.Doors;

public sealed class DoorLogicTests : IDisposable
{
    private static readonly TimeSpan Pulse = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new();
    private readonly DoorLogic _door;
    private readonly List<(AlarmKind Kind, bool Raised)> _alarms = [];

    public DoorLogicTests()
    {
        _door = new DoorLogic(_time, Pulse, Held);
        _door.AlarmChanged += (k, r) => _alarms.Add((k, r));
    }

    public void Dispose() => _door.Dispose();

    [Fact]
    public void Grant_unlocks_for_the_pulse_then_relocks()
    {
        _door.Grant();
        Assert.True(_door.Outputs.Unlocked);
        _time.Advance(Pulse - TimeSpan.FromMilliseconds(1));
        Assert.True(_door.Outputs.Unlocked);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_door.Outputs.Unlocked);
    }

    [Fact]
    public void Every_change_a_watcher_would_see_raises_state_changed_and_a_repeated_contact_does_not()
    {
        var changes = 0;
        _door.StateChanged += () => changes++;

        _door.Contact(open: true);
        _door.Contact(open: true);
        _door.Contact(open: false);
        _door.SetMode(DoorMode.Lockdown);

        Assert.Equal(3, changes);
    }

    [Fact]
    public void Door_shut_after_a_granted_opening_relocks_at_once()
    {
        _door.Grant();
        _door.Contact(open: true);
        _door.Contact(open: false);
        Assert.False(_door.Outputs.Unlocked);
        Assert.Empty(_alarms);
    }

    [Fact]
    public void Opening_without_a_grant_raises_forced_open_and_the_buzzer()
    {
        _door.Contact(open: true);
        Assert.Equal([(AlarmKind.ForcedOpen, true)], _alarms);
        Assert.True(_door.Outputs.Buzzer);
    }

    [Fact]
    public void Forced_open_ends_when_the_door_shuts()
    {
        _door.Contact(open: true);
        _door.Contact(open: false);
        Assert.Equal((AlarmKind.ForcedOpen, false), _alarms[^1]);
        Assert.False(_door.Outputs.Buzzer);
    }

    [Fact]
    public void Door_held_open_past_the_limit_raises_held_open()
    {
        _door.Grant();
        _door.Contact(open: true);
        _time.Advance(Held - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_alarms);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([(AlarmKind.HeldOpen, true)], _alarms);
        Assert.True(_door.Outputs.Buzzer);
        _door.Contact(open: false);
        Assert.Equal((AlarmKind.HeldOpen, false), _alarms[^1]);
    }

    [Fact]
    public void Exit_button_lets_the_door_open_without_an_alarm()
    {
        _door.RequestToExit();
        _door.Contact(open: true);
        Assert.Empty(_alarms);
    }

    [Fact]
    public void Lockdown_refuses_grants_and_the_exit_button()
    {
        _door.SetMode(DoorMode.Lockdown);
        Assert.False(_door.Grant());
        Assert.False(_door.RequestToExit());
        Assert.False(_door.Outputs.Unlocked);
    }

    [Fact]
    public void Free_passage_stays_unlocked_with_no_alarm_however_long_open()
    {
        _door.SetMode(DoorMode.FreePassage);
        _door.Contact(open: true);
        _time.Advance(TimeSpan.FromHours(3));
        Assert.True(_door.Outputs.Unlocked);
        Assert.Empty(_alarms);
    }

    [Fact]
    public void Back_to_normal_from_free_passage_locks()
    {
        _door.SetMode(DoorMode.FreePassage);
        _door.SetMode(DoorMode.Normal);
        Assert.False(_door.Outputs.Unlocked);
    }

    private enum Input { Grant, Exit, Open, Close, Tick, Normal, Lockdown, Free }

    [Fact]
    public void Any_sequence_of_inputs_keeps_the_door_rules()
    {
        Gen.Enum<Input>().Array[1, 40].Sample(inputs =>
        {
            var time = new FakeTimeProvider();
            using var door = new DoorLogic(time, Pulse, Held);
            var active = new HashSet<AlarmKind>();
            door.AlarmChanged += (k, raised) =>
            {
                Assert.Equal(!raised, active.Contains(k)); // raised once, ended once
                if (raised) { active.Add(k); } else { active.Remove(k); }
            };
            foreach (var input in inputs)
            {
                var wasUnlocked = door.Outputs.Unlocked;
                var wasOpen = door.IsOpen;
                switch (input)
                {
                    case Input.Grant: door.Grant(); break;
                    case Input.Exit: door.RequestToExit(); break;
                    case Input.Open: door.Contact(true); break;
                    case Input.Close: door.Contact(false); break;
                    case Input.Tick: time.Advance(TimeSpan.FromSeconds(7)); break;
                    case Input.Normal: door.SetMode(DoorMode.Normal); break;
                    case Input.Lockdown: door.SetMode(DoorMode.Lockdown); break;
                    case Input.Free: door.SetMode(DoorMode.FreePassage); break;
                }
                var mode = door.Mode;
                if (mode == DoorMode.Lockdown)
                {
                    Assert.False(door.Outputs.Unlocked);
                }
                if (mode == DoorMode.FreePassage)
                {
                    Assert.True(door.Outputs.Unlocked);
                }
                if (input == Input.Open && !wasOpen && !wasUnlocked && mode != DoorMode.FreePassage)
                {
                    Assert.Contains(AlarmKind.ForcedOpen, active);
                }
                if (!door.IsOpen)
                {
                    Assert.Empty(active);
                }
                Assert.Equal(active.Count > 0, door.Outputs.Buzzer);
                Assert.Equal(door.Outputs.Unlocked, door.Outputs.Led);
            }
        });
    }
}
