using System.Collections.Concurrent;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Wiegand;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// Puts an OSDP bus's readers at their doors: a card or keys from a bound reader go to its door exactly as from a wired
/// Wiegand reader (same decision, relay, event log), and a reader that stops answering raises the reader-offline alarm
/// (读卡器离线), whose cause ends when it answers again. Reads from a reader bound to no door are counted and dropped.
/// Each decision queues the reader's LED and beeper answer (<see cref="OsdpFeedback"/>); the bus sends it after the poll
/// (<see cref="SendFeedbackAsync"/>), because the decision is made while the panel's exchange is still on the line.
/// </summary>
public sealed class OsdpDoorBridge
{
    /// <summary>Feedback not yet sent beyond this is dropped (a bus that stopped): a stale green must never show later.</summary>
    public const int MaxPendingFeedback = 64;

    private readonly Dictionary<(byte Address, byte Reader), (DoorController Door, ReaderDirection Direction)> _routes = [];
    private readonly Dictionary<byte, string> _names = [];
    private readonly ConcurrentQueue<OsdpFeedback> _feedback = new();
    private readonly AlarmBoard _alarms;
    private long _unrouted;

    public OsdpDoorBridge(OsdpControlPanel panel, AccessSystem access, IReadOnlyList<OsdpReaderBinding> bindings)
        : this(access, bindings)
    {
        Attach(panel);
    }

    /// <summary>A bridge for a bus that comes and goes (<see cref="OsdpBusSupervisor"/>): <see cref="Attach"/> each panel it runs.</summary>
    public OsdpDoorBridge(AccessSystem access, IReadOnlyList<OsdpReaderBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(bindings);
        _alarms = access.Board;
        foreach (var b in bindings)
        {
            var door = access.Door(b.DoorId) ?? throw new ArgumentException($"OSDP reader {b.Address}: no door {b.DoorId}", nameof(bindings));
            if (!_routes.TryAdd((b.Address, b.Reader), (door, b.Direction)))
            {
                throw new ArgumentException($"OSDP reader {b.Address}/{b.Reader} is bound to two doors", nameof(bindings));
            }
            _names[b.Address] = _names.TryGetValue(b.Address, out var known)
                ? known
                : $"OSDP reader {b.Address} ({door.Name} {(b.Direction == ReaderDirection.In ? "in" : "out")})";
        }
    }

    /// <summary>Reads from an address and reader no door is bound to (a miswired or misconfigured reader).</summary>
    public long UnroutedReads => Interlocked.Read(ref _unrouted);

    /// <summary>The bus addresses of the bound readers, in order.</summary>
    public IReadOnlyList<byte> Addresses => [.. _names.Keys.Order()];

    /// <summary>The last feedback queued, on whichever reader (what `door simulate` reports).</summary>
    public OsdpFeedback? LastFeedback { get; private set; }

    public int PendingFeedback => _feedback.Count;

    /// <summary>The alarm source name of the reader at <paramref name="address"/>.</summary>
    public string SourceName(byte address) => _names.TryGetValue(address, out var n) ? n : $"OSDP reader {address}";

    public void Attach(OsdpControlPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        panel.CardRead += OnCard;
        panel.KeypadRead += OnKeys;
        panel.OnlineChanged += OnOnline;
    }

    /// <summary>Stops listening to <paramref name="panel"/>; its unsent feedback goes (a later green would mislead).</summary>
    public void Detach(OsdpControlPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        panel.CardRead -= OnCard;
        panel.KeypadRead -= OnKeys;
        panel.OnlineChanged -= OnOnline;
        _feedback.Clear();
    }

    /// <summary>The bus itself failed (the adapter went, the loop crashed): every reader on it is offline until a panel hears it again.</summary>
    public void ReportBusDown()
    {
        foreach (var address in Addresses)
        {
            _alarms.Raise(AlarmKind.ReaderOffline, SourceName(address));
        }
    }

    /// <summary>Sends the queued LED and beeper answers; a reader that does not take one is not asked again (the moment has passed).</summary>
    public async Task SendFeedbackAsync(OsdpControlPanel panel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        while (_feedback.TryDequeue(out var f))
        {
            await panel.FlashLedAsync(f.Address, f.Reader, 0, f.Color, f.LedTenths, cancellationToken).ConfigureAwait(false);
            await panel.BuzzAsync(f.Address, f.Reader, f.BeepTenths, 1, f.Beeps, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnCard(OsdpCardRead read)
    {
        if (_routes.TryGetValue((read.Address, read.Reader), out var route))
        {
            var frame = read.Frame;
            Queue(OsdpFeedback.For(read.Address, read.Reader, route.Door.Read(route.Direction, frame), frame.Kind == WiegandFrameKind.Rejected));
        }
        else
        {
            Interlocked.Increment(ref _unrouted);
        }
    }

    private void OnKeys(OsdpKeypadRead read)
    {
        if (!_routes.TryGetValue((read.Address, read.Reader), out var route))
        {
            Interlocked.Increment(ref _unrouted);
            return;
        }
        foreach (var key in read.Keys.Where(k => k != '?'))
        {
            Queue(OsdpFeedback.For(read.Address, read.Reader, route.Door.Read(route.Direction, WiegandFrame.OfKey(8, key)), unreadable: false));
        }
    }

    private void Queue(OsdpFeedback? feedback)
    {
        if (feedback is not { } f)
        {
            return;
        }
        LastFeedback = f;
        if (_feedback.Count < MaxPendingFeedback)
        {
            _feedback.Enqueue(f);
        }
    }

    private void OnOnline(byte address, bool online)
    {
        if (online)
        {
            _alarms.CauseEnded(AlarmKind.ReaderOffline, SourceName(address));
        }
        else
        {
            _alarms.Raise(AlarmKind.ReaderOffline, SourceName(address));
        }
    }
}
