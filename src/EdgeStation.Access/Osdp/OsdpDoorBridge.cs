using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Wiegand;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// Puts an OSDP bus's readers at their doors: a card or keys from a bound reader go to its door exactly as from a wired
/// Wiegand reader (same decision, relay, event log), and a reader that stops answering raises the reader-offline alarm
/// (读卡器离线), whose cause ends when it answers again. Reads from a reader bound to no door are counted and dropped.
/// </summary>
public sealed class OsdpDoorBridge
{
    private readonly Dictionary<(byte Address, byte Reader), (DoorController Door, ReaderDirection Direction)> _routes = [];
    private readonly Dictionary<byte, string> _names = [];
    private readonly AlarmBoard _alarms;

    public OsdpDoorBridge(OsdpControlPanel panel, AccessSystem access, IReadOnlyList<OsdpReaderBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(panel);
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
        panel.CardRead += OnCard;
        panel.KeypadRead += OnKeys;
        panel.OnlineChanged += OnOnline;
    }

    /// <summary>Reads from an address and reader no door is bound to (a miswired or misconfigured reader).</summary>
    public long UnroutedReads { get; private set; }

    /// <summary>The alarm source name of the reader at <paramref name="address"/>.</summary>
    public string SourceName(byte address) => _names.TryGetValue(address, out var n) ? n : $"OSDP reader {address}";

    private void OnCard(OsdpCardRead read)
    {
        if (_routes.TryGetValue((read.Address, read.Reader), out var route))
        {
            route.Door.Read(route.Direction, read.Frame);
        }
        else
        {
            UnroutedReads++;
        }
    }

    private void OnKeys(OsdpKeypadRead read)
    {
        if (!_routes.TryGetValue((read.Address, read.Reader), out var route))
        {
            UnroutedReads++;
            return;
        }
        foreach (var key in read.Keys.Where(k => k != '?'))
        {
            route.Door.Read(route.Direction, WiegandFrame.OfKey(8, key));
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
