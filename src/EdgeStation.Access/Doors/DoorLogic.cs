using EdgeStation.Access.Alarms;

namespace EdgeStation.Access.Doors;

/// <summary>
/// One door's state machine (门控逻辑), knowing nothing of pins: grants and the exit button unlock it for a pulse, the
/// contact reports open/closed, timers relock it and watch how long it stays open. It raises outputs to drive and
/// alarms to report; <see cref="DoorPins"/> ties it to GPIO. Times come from the injected clock, so tests advance a
/// fake one instead of sleeping. Events are raised after the internal lock is released, in the order they happened.
/// </summary>
public sealed class DoorLogic : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ITimer _relockTimer;
    private readonly ITimer _heldTimer;
    private readonly ITimer _beepTimer;
    private readonly TimeSpan _pulse;
    private readonly TimeSpan _heldOpenAfter;
    private DoorMode _mode = DoorMode.Normal;
    private bool _unlocked;
    private bool _open;
    private bool _openedDuringUnlock;
    private bool _held;
    private bool _forced;
    private bool _beeping;
    private DoorOutputs _outputs;
    private bool _disposed;

    public DoorLogic(TimeProvider time, TimeSpan pulse, TimeSpan heldOpenAfter)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pulse, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heldOpenAfter, TimeSpan.Zero);
        _pulse = pulse;
        _heldOpenAfter = heldOpenAfter;
        _relockTimer = time.CreateTimer(_ => OnRelockTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _heldTimer = time.CreateTimer(_ => OnHeldTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _beepTimer = time.CreateTimer(_ => OnBeepTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>How long the buzzer sounds when a card or PIN is refused: the person at the door hears the no.</summary>
    public static readonly TimeSpan RefusalBeep = TimeSpan.FromMilliseconds(500);

    public event Action<DoorOutputs>? OutputsChanged;
    /// <summary>An alarm started (true) or its cause ended (false; acknowledgement is the alarm board's business).</summary>
    public event Action<AlarmKind, bool>? AlarmChanged;
    /// <summary>Something a person watching the door would see may have changed (contact, lock, mode, buzzer): the kiosk's live door page listens.</summary>
    public event Action? StateChanged;

    public DoorMode Mode { get { lock (_gate) { return _mode; } } }
    public bool IsOpen { get { lock (_gate) { return _open; } } }
    public DoorOutputs Outputs { get { lock (_gate) { return _outputs; } } }

    /// <summary>Unlocks for the pulse (or <paramref name="duration"/>); false in lockdown (the decision should have said no already).</summary>
    public bool Grant(TimeSpan? duration = null) => Run(changes =>
    {
        if (_mode == DoorMode.Lockdown)
        {
            return false;
        }
        Unlock(duration ?? _pulse, changes);
        return true;
    });

    /// <summary>A card or PIN was refused: a short beep, nothing else changes.</summary>
    public void Refused() => Run(changes =>
    {
        _beeping = true;
        _beepTimer.Change(RefusalBeep, Timeout.InfiniteTimeSpan);
        Publish(changes);
        return true;
    });

    /// <summary>The request-to-exit button (出门按钮): unlocks for the pulse unless the door is in lockdown.</summary>
    public bool RequestToExit() => Grant();

    /// <summary>The door contact (门磁) changed.</summary>
    public void Contact(bool open) => Run(changes =>
    {
        if (open == _open)
        {
            return false;
        }
        _open = open;
        if (open)
        {
            if (_unlocked || _mode == DoorMode.FreePassage)
            {
                _openedDuringUnlock = true;
            }
            else if (!_forced)
            {
                _forced = true;
                changes.Add(() => AlarmChanged?.Invoke(AlarmKind.ForcedOpen, true));
            }
            if (_mode != DoorMode.FreePassage)
            {
                _heldTimer.Change(_heldOpenAfter, Timeout.InfiniteTimeSpan);
            }
        }
        else
        {
            _heldTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (_held)
            {
                _held = false;
                changes.Add(() => AlarmChanged?.Invoke(AlarmKind.HeldOpen, false));
            }
            if (_forced)
            {
                _forced = false;
                changes.Add(() => AlarmChanged?.Invoke(AlarmKind.ForcedOpen, false));
            }
            // Relock as soon as the door shuts behind the person let in: no second entry on one grant.
            if (_openedDuringUnlock && _unlocked && _mode == DoorMode.Normal)
            {
                _unlocked = false;
                _relockTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }
            _openedDuringUnlock = false;
        }
        Publish(changes);
        return true;
    });

    public void SetMode(DoorMode mode) => Run(changes =>
    {
        _mode = mode;
        _relockTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _unlocked = mode == DoorMode.FreePassage;
        if (mode == DoorMode.FreePassage && _held)
        {
            _held = false;
            _heldTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            changes.Add(() => AlarmChanged?.Invoke(AlarmKind.HeldOpen, false));
        }
        Publish(changes);
        return true;
    });

    private void Unlock(TimeSpan duration, List<Action> changes)
    {
        _unlocked = true;
        if (_mode != DoorMode.FreePassage)
        {
            _relockTimer.Change(duration, Timeout.InfiniteTimeSpan);
        }
        Publish(changes);
    }

    private void OnRelockTimer() => Run(changes =>
    {
        if (_mode == DoorMode.FreePassage)
        {
            return false;
        }
        _unlocked = false;
        Publish(changes);
        return true;
    });

    private void OnHeldTimer() => Run(changes =>
    {
        if (!_open || _held || _mode == DoorMode.FreePassage)
        {
            return false;
        }
        _held = true;
        changes.Add(() => AlarmChanged?.Invoke(AlarmKind.HeldOpen, true));
        Publish(changes);
        return true;
    });

    private void OnBeepTimer() => Run(changes =>
    {
        _beeping = false;
        Publish(changes);
        return true;
    });

    /// <summary>Queues an outputs event if they changed; the buzzer sounds while the door is held or forced open, and briefly on a refusal.</summary>
    private void Publish(List<Action> changes)
    {
        var next = new DoorOutputs(_unlocked, _held || _forced || _beeping, _unlocked);
        if (next != _outputs)
        {
            _outputs = next;
            changes.Add(() => OutputsChanged?.Invoke(next));
        }
    }

    private bool Run(Func<List<Action>, bool> step)
    {
        var changes = new List<Action>(2);
        bool result;
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }
            result = step(changes);
        }
        foreach (var c in changes)
        {
            c();
        }
        if (result)
        {
            StateChanged?.Invoke();
        }
        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }
        _relockTimer.Dispose();
        _heldTimer.Dispose();
        _beepTimer.Dispose();
    }
}
