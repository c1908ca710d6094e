namespace EdgeStation.Access.Alarms;

/// <summary>
/// The alarms of the station until someone acknowledges them (报警确认): the kiosk banner shows
/// <see cref="Unacknowledged"/>; an alarm raised again while one of the same kind and source is still
/// unacknowledged is the same alarm (a bouncing button is one alarm, not twenty). In memory; the event log keeps the history.
/// </summary>
public sealed class AlarmBoard(TimeProvider time)
{
    /// <summary>Acknowledged alarms kept for the kiosk's recent list; older ones live only in the event log.</summary>
    public const int KeepAcknowledged = 200;

    private readonly Lock _gate = new();
    private readonly List<Alarm> _alarms = [];
    private readonly long[] _raised = new long[Enum.GetValues<AlarmKind>().Length];
    private long _nextId;

    /// <summary>Raised after any change, outside the board's lock (alarm, and whether it is new).</summary>
    public event Action<Alarm, bool>? Changed;

    public Alarm Raise(AlarmKind kind, string source, bool silent = false)
    {
        Alarm alarm;
        bool isNew;
        lock (_gate)
        {
            var i = _alarms.FindIndex(a => a.Kind == kind && a.Source == source && !a.Acknowledged);
            if (i >= 0)
            {
                alarm = _alarms[i] = _alarms[i] with { CauseActive = true };
                isNew = false;
            }
            else
            {
                alarm = new Alarm(++_nextId, kind, source, time.GetUtcNow(), silent);
                _alarms.Add(alarm);
                _raised[(int)kind]++;
                isNew = true;
            }
        }
        Changed?.Invoke(alarm, isNew);
        return alarm;
    }

    /// <summary>The cause went away (the door shut); the alarm stays until acknowledged.</summary>
    public void CauseEnded(AlarmKind kind, string source)
    {
        Alarm? changed = null;
        lock (_gate)
        {
            var i = _alarms.FindIndex(a => a.Kind == kind && a.Source == source && a.CauseActive);
            if (i >= 0)
            {
                changed = _alarms[i] = _alarms[i] with { CauseActive = false };
            }
        }
        if (changed is not null)
        {
            Changed?.Invoke(changed, false);
        }
    }

    /// <summary>Acknowledges alarm <paramref name="id"/>; null if there is no such unacknowledged alarm.</summary>
    public Alarm? Acknowledge(long id, string who)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        Alarm? done = null;
        lock (_gate)
        {
            var i = _alarms.FindIndex(a => a.Id == id && !a.Acknowledged);
            if (i >= 0)
            {
                done = _alarms[i] = _alarms[i] with { AcknowledgedBy = who, AcknowledgedAt = time.GetUtcNow() };
                var acknowledged = _alarms.Count(a => a.Acknowledged);
                if (acknowledged > KeepAcknowledged)
                {
                    _alarms.Remove(_alarms.First(a => a.Acknowledged));
                }
            }
        }
        if (done is not null)
        {
            Changed?.Invoke(done, false);
        }
        return done;
    }

    public IReadOnlyList<Alarm> All()
    {
        lock (_gate)
        {
            return [.. _alarms];
        }
    }

    public IReadOnlyList<Alarm> Unacknowledged()
    {
        lock (_gate)
        {
            return [.. _alarms.Where(a => !a.Acknowledged)];
        }
    }

    /// <summary>How many alarms of <paramref name="kind"/> were raised since start (for /metrics and the summary counts).</summary>
    public long RaisedCount(AlarmKind kind)
    {
        lock (_gate)
        {
            return _raised[(int)kind];
        }
    }
}
