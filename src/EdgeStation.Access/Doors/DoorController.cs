using System.Device.Gpio;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Keypad;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Doors;

/// <summary>
/// One door put together (门禁控制器): its readers and keypad (Wiegand), PIN entry and card+PIN pairing, the decision from
/// memory, the lock, buzzer and LED through <see cref="DoorPins"/>, the exit button, the contact, and the door's alarms
/// on the <see cref="AlarmBoard"/>. Every decision is acted on (relay written) before its <see cref="Event"/> is raised,
/// and nothing here waits for storage: the log is whoever listens to <see cref="Event"/>, through a queue.
/// First-person-in (首卡开门) holds the door in free passage until its schedule closes; an admin's lockdown or free
/// passage overrides it. Owns the unit's <see cref="DoorLogic"/>; disposing leaves the lock as its fail mode says.
/// </summary>
public sealed class DoorController : IDisposable
{
    /// <summary>How long a card accepted on a card+PIN door waits for its holder's PIN.</summary>
    public static readonly TimeSpan PinWait = TimeSpan.FromSeconds(15);
    /// <summary>How often first-person-in checks whether its schedule has closed.</summary>
    public static readonly TimeSpan FirstInCheck = TimeSpan.FromSeconds(30);

    private readonly DoorUnit _unit;
    private readonly AccessDecider _decider;
    private readonly AlarmBoard _alarms;
    private readonly TimeProvider _time;
    private readonly DoorPins _pins;
    private readonly List<WiegandReader> _readers = [];
    private readonly PinEntry _pinIn;
    private readonly PinEntry _pinOut;
    private readonly ITimer _firstInTimer;
    private readonly Lock _gate = new();
    private (CardId Card, long At)? _pendingIn;
    private (CardId Card, long At)? _pendingOut;
    private DoorMode _adminMode = DoorMode.Normal;
    private bool _firstIn;
    private long _grants;
    private long _refusals;
    private bool _disposed;

    public DoorController(GpioController gpio, DoorUnit unit, AccessDecider decider, AlarmBoard alarms, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(alarms);
        ArgumentNullException.ThrowIfNull(time);
        _unit = unit;
        _decider = decider;
        _alarms = alarms;
        _time = time;
        _pinIn = new PinEntry(time);
        _pinOut = new PinEntry(time);
        _firstInTimer = time.CreateTimer(_ => CheckFirstIn(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        // Before the pins: a door found open at start raises forced open on the board too.
        unit.Logic.AlarmChanged += OnDoorAlarm;
        var s = unit.Settings;
        _pins = new DoorPins(gpio, s, unit.Logic);
        _pins.ExitPressed += OnExit;
        try
        {
            AddReader(gpio, s.ReaderIn, ReaderDirection.In);
            AddReader(gpio, s.ReaderOut, ReaderDirection.Out);
            AddReader(gpio, s.Keypad, ReaderDirection.In);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Every attempt, exit and mode change, raised on the thread that caused it after the door has acted.</summary>
    public event Action<AccessEvent>? Event;

    public DoorSettings Settings => _unit.Settings;
    public int Id => _unit.Settings.Id;
    public string Name => _unit.Settings.Name;
    public DoorLogic Logic => _unit.Logic;
    /// <summary>The admin's mode; first-person-in shows in <see cref="FirstInActive"/>.</summary>
    public DoorMode Mode { get { lock (_gate) { return _adminMode; } } }
    public bool FirstInActive { get { lock (_gate) { return _firstIn; } } }
    public long Grants => Interlocked.Read(ref _grants);
    public long Refusals => Interlocked.Read(ref _refusals);
    public long RejectedFrames => _readers.Sum(r => r.RejectedFrames);

    /// <summary>
    /// A credential at one of the door's readers: decides, acts (relay, buzzer, alarm), raises the event. A card on a
    /// card+PIN door is held for <see cref="PinWait"/> until its holder types the PIN; a PIN typed then is paired with it.
    /// </summary>
    public AccessDecision Present(ReaderDirection direction, CardId? card, string? pin)
    {
        if (card is null && pin is not null)
        {
            lock (_gate)
            {
                ref var pending = ref direction == ReaderDirection.In ? ref _pendingIn : ref _pendingOut;
                if (pending is { } p && _time.GetElapsedTime(p.At) <= PinWait)
                {
                    card = p.Card;
                }
                pending = null;
            }
        }
        var decision = _decider.Decide(new AccessRequest(Id, direction, card, pin));
        if (decision.Reason == DecisionReason.AwaitingPin)
        {
            lock (_gate)
            {
                (direction == ReaderDirection.In ? ref _pendingIn : ref _pendingOut) = (card!.Value, _time.GetTimestamp());
            }
            return decision;
        }
        if (decision.Granted)
        {
            if (decision.Reason != DecisionReason.FreePassage)
            {
                _unit.Logic.Grant();
            }
            Interlocked.Increment(ref _grants);
            if (decision.Duress)
            {
                // 胁迫码: the door opens as usual and stays quiet; the kiosk shows the alarm.
                _alarms.Raise(AlarmKind.Duress, Name, silent: true);
            }
        }
        else
        {
            _unit.Logic.Refused();
            Interlocked.Increment(ref _refusals);
        }
        Emit(new AccessEvent(_time.GetUtcNow(), Id, decision.Granted ? AccessEventKind.Granted : AccessEventKind.Refused, decision.Reason.ToString())
        {
            Person = decision.PersonId,
            Card = card?.Text,
            Direction = direction == ReaderDirection.In ? "in" : "out",
        });
        if (decision.StartsFirstIn)
        {
            StartFirstIn(decision.PersonId);
        }
        return decision;
    }

    /// <summary>An admin's mode (logged with who): lockdown and free passage end first-person-in; normal returns to decisions.</summary>
    public void SetMode(DoorMode mode, string actor)
    {
        lock (_gate)
        {
            _adminMode = mode;
            _firstIn = false;
            _firstInTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        _unit.Logic.SetMode(mode);
        Emit(new AccessEvent(_time.GetUtcNow(), Id, AccessEventKind.Mode, ModeName(mode)) { Actor = actor });
    }

    /// <summary>An admin opens the door for a while (logged with who), as a grant would, unless it is in lockdown.</summary>
    public bool Unlock(TimeSpan duration, string actor)
    {
        var done = _unit.Logic.Grant(duration);
        Emit(new AccessEvent(_time.GetUtcNow(), Id, done ? AccessEventKind.Granted : AccessEventKind.Refused, done ? "RemoteUnlock" : DecisionReason.Lockdown.ToString()) { Actor = actor });
        return done;
    }

    /// <summary>Ends every reader's frame now (the simulated chip knows when its burst is over): the decision follows at once.</summary>
    public void EndFrames()
    {
        foreach (var r in _readers)
        {
            r.EndFrame();
        }
    }

    public static string ModeName(DoorMode mode) => mode switch
    {
        DoorMode.Lockdown => "lockdown",
        DoorMode.FreePassage => "free",
        _ => "normal",
    };

    /// <summary>
    /// A card or key from a reader not wired to this door's pins (an OSDP reader on the RS-485 bus). The decision, for the
    /// reader's LED and beeper; null when there is none yet (a key of a PIN not finished) or the frame was rejected.
    /// </summary>
    public AccessDecision? Read(ReaderDirection direction, WiegandFrame frame) => OnFrame(direction, frame);

    private void AddReader(GpioController gpio, WiegandPins? pins, ReaderDirection direction)
    {
        if (pins is not { } p)
        {
            return;
        }
        var reader = new WiegandReader(gpio, p.D0, p.D1, _time);
        reader.FrameRead += frame => OnFrame(direction, frame);
        _readers.Add(reader);
    }

    private AccessDecision? OnFrame(ReaderDirection direction, WiegandFrame frame)
    {
        switch (frame.Kind)
        {
            case WiegandFrameKind.Card:
                return Present(direction, frame.Card, null);
            case WiegandFrameKind.Key:
                string? pin;
                lock (_gate)
                {
                    pin = (direction == ReaderDirection.In ? _pinIn : _pinOut).Key(frame.Key);
                }
                return pin is null ? null : Present(direction, null, pin);
            default:
                // Counted by the reader; the beep asks the person to swipe again.
                _unit.Logic.Refused();
                return null;
        }
    }

    private void OnExit()
    {
        var opened = _unit.Logic.RequestToExit();
        Emit(new AccessEvent(_time.GetUtcNow(), Id, opened ? AccessEventKind.Exit : AccessEventKind.ExitRefused, opened ? "ExitButton" : DecisionReason.Lockdown.ToString()));
    }

    private void OnDoorAlarm(AlarmKind kind, bool raised)
    {
        if (raised)
        {
            _alarms.Raise(kind, Name);
        }
        else
        {
            _alarms.CauseEnded(kind, Name);
        }
    }

    private void StartFirstIn(string? person)
    {
        lock (_gate)
        {
            if (_firstIn || _adminMode != DoorMode.Normal)
            {
                return;
            }
            _firstIn = true;
            _firstInTimer.Change(FirstInCheck, FirstInCheck);
        }
        _unit.Logic.SetMode(DoorMode.FreePassage);
        Emit(new AccessEvent(_time.GetUtcNow(), Id, AccessEventKind.Mode, "first-in") { Person = person, Actor = "first-in" });
    }

    private void CheckFirstIn()
    {
        lock (_gate)
        {
            if (!_firstIn || _disposed || _decider.FirstInOpen(_unit.Settings))
            {
                return;
            }
            _firstIn = false;
            _firstInTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        _unit.Logic.SetMode(DoorMode.Normal);
        Emit(new AccessEvent(_time.GetUtcNow(), Id, AccessEventKind.Mode, "normal") { Actor = "first-in" });
    }

    private void Emit(AccessEvent e) => Event?.Invoke(e with { Source = Name });

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        _firstInTimer.Dispose();
        foreach (var r in _readers)
        {
            r.Dispose();
        }
        _pins.ExitPressed -= OnExit;
        _pins.Dispose();
        _unit.Logic.AlarmChanged -= OnDoorAlarm;
        _unit.Logic.Dispose();
    }
}
