using System.Device.Gpio;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Doors;

/// <summary>
/// All doors and alarm inputs of one station on one GPIO chip: the decider over the shared rights, one
/// <see cref="DoorController"/> per door, the one-button alarms, and the alarm board. <see cref="Event"/> carries every
/// door event and every alarm raised or acknowledged, for the event log's queue. The station and the benchmark build it;
/// disposing it leaves every lock as its fail mode says.
/// </summary>
public sealed class AccessSystem : IDisposable
{
    private readonly List<DoorController> _controllers = [];
    private readonly List<AlarmInput> _inputs = [];
    private readonly Dictionary<string, int> _doorBySource = new(StringComparer.Ordinal);

    public AccessSystem(GpioController gpio, IReadOnlyList<DoorSettings> doors, IReadOnlyList<AlarmInputSettings> alarmInputs,
        AccessRights rights, HolidayCalendar calendar, StationTime zone, TimeProvider time, PinHasher pins, ICredentialVerifier? face = null)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(doors);
        ArgumentNullException.ThrowIfNull(alarmInputs);
        Rights = rights;
        Board = new AlarmBoard(time);
        var units = doors.ToDictionary(d => d.Id, d => new DoorUnit(d, new DoorLogic(time, d.Pulse, d.HeldOpenAfter)));
        Decider = new AccessDecider(rights, units, calendar, zone, time, pins, face);
        Pins = pins;
        Board.Changed += OnAlarm;
        try
        {
            foreach (var d in doors)
            {
                _doorBySource[d.Name] = d.Id;
                var c = new DoorController(gpio, units[d.Id], Decider, Board, time);
                c.Event += e => Event?.Invoke(e);
                _controllers.Add(c);
            }
            foreach (var a in alarmInputs)
            {
                _inputs.Add(new AlarmInput(gpio, a, Board));
            }
        }
        catch
        {
            Dispose();
            foreach (var u in units.Values)
            {
                u.Logic.Dispose();
            }
            throw;
        }
    }

    /// <summary>Door events and alarms, on the thread that caused them; handlers must not block (queue them).</summary>
    public event Action<AccessEvent>? Event;

    public AccessRights Rights { get; }
    public AccessDecider Decider { get; }
    public AlarmBoard Board { get; }
    public PinHasher Pins { get; }
    public IReadOnlyList<DoorController> Doors => _controllers;

    public DoorController? Door(int id) => _controllers.FirstOrDefault(c => c.Id == id);

    public long Grants => _controllers.Sum(c => c.Grants);
    public long Refusals => _controllers.Sum(c => c.Refusals);
    public long RejectedFrames => _controllers.Sum(c => c.RejectedFrames);

    /// <summary>Acknowledges an alarm (报警确认) and logs who did it; null when there is no such unacknowledged alarm.</summary>
    public Alarm? Acknowledge(long alarmId, string who)
    {
        var alarm = Board.Acknowledge(alarmId, who);
        if (alarm is { AcknowledgedAt: { } at })
        {
            Event?.Invoke(new AccessEvent(at, _doorBySource.GetValueOrDefault(alarm.Source), AccessEventKind.AlarmAcknowledged, alarm.Kind.ToString())
            {
                Source = alarm.Source,
                Actor = who,
            });
        }
        return alarm;
    }

    private void OnAlarm(Alarm alarm, bool isNew)
    {
        if (isNew)
        {
            Event?.Invoke(new AccessEvent(alarm.RaisedAt, _doorBySource.GetValueOrDefault(alarm.Source), AccessEventKind.Alarm, alarm.Kind.ToString()) { Source = alarm.Source });
        }
    }

    private bool _disposed;

    // Twice is normal: the service stops the doors first (relays off before the event log is flushed) and disposes at the end.
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var i in _inputs)
        {
            i.Dispose();
        }
        foreach (var c in _controllers)
        {
            c.Dispose();
        }
        Board.Changed -= OnAlarm;
    }
}
