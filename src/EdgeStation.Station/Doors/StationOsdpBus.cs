using EdgeStation.Access.Doors;
using EdgeStation.Access.Osdp;
using EdgeStation.Station.Config;

namespace EdgeStation.Station.Doors;

/// <summary>
/// The OSDP bus inside the station service (docs/osdp.md): the readers of station.json's "access.osdp" bound to their
/// doors, on the serial device or, with "simulated", on an in-process bus of simulated readers (the demo, the tests and
/// `door simulate --reader`), run by an <see cref="OsdpBusSupervisor"/> on its own task. The site key comes from
/// <see cref="OsdpKeyFile"/> when the secure channel is on.
/// </summary>
public sealed class StationOsdpBus : IDisposable
{
    /// <summary>How long a stop waits for the bus loop before closing its line under it.</summary>
    public static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _run;
    private bool _stopped;

    private StationOsdpBus(OsdpSettings settings, OsdpDoorBridge bridge, OsdpBusSupervisor supervisor, IReadOnlyDictionary<byte, SimulatedOsdpReader> simulated)
    {
        Settings = settings;
        Bridge = bridge;
        Supervisor = supervisor;
        Simulated = simulated;
    }

    public OsdpSettings Settings { get; }
    public OsdpDoorBridge Bridge { get; }
    public OsdpBusSupervisor Supervisor { get; }

    /// <summary>The simulated readers by address (empty on a real device): `door simulate` presents cards to them.</summary>
    public IReadOnlyDictionary<byte, SimulatedOsdpReader> Simulated { get; }

    /// <summary>Binds the readers to the doors of <paramref name="system"/>; throws <see cref="Storage.StorageEnvironmentException"/> when the key file is unusable.</summary>
    public static StationOsdpBus Create(OsdpSettings settings, AccessSystem system, string dataDir, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = settings.SecureChannel ? OsdpKeyFile.LoadOrCreate(dataDir) : null;
        var bridge = new OsdpDoorBridge(system, settings.Readers);
        var simulated = new Dictionary<byte, SimulatedOsdpReader>();
        Func<IOsdpConnection> open;
        if (settings.IsSimulated)
        {
            foreach (var address in settings.Addresses)
            {
                // Installed as a real site's readers are: holding the site key and refusing anything outside the channel.
                simulated[address] = new SimulatedOsdpReader(address, key) { RequireSecureChannel = settings.SecureChannel };
            }
            open = () =>
            {
                var bus = new SimulatedOsdpBus();
                foreach (var reader in simulated.Values)
                {
                    bus.Attach(reader);
                }
                return bus;
            };
        }
        else
        {
            open = () => SerialOsdpConnection.Open(settings.Device, settings.Baud);
        }
        var supervisor = new OsdpBusSupervisor(open, settings.Addresses, settings.SecureChannel, key, bridge, time);
        return new StationOsdpBus(settings, bridge, supervisor, simulated);
    }

    /// <summary>Which reader serves <paramref name="door"/> on side <paramref name="direction"/>, if one on this bus does.</summary>
    public OsdpReaderBinding? ReaderAt(int door, Access.Decisions.ReaderDirection direction) =>
        Settings.Readers.Where(r => r.DoorId == door && r.Direction == direction).Select(r => (OsdpReaderBinding?)r).FirstOrDefault();

    /// <summary>Whether the reader at <paramref name="address"/> answers now (false while the bus is down).</summary>
    public bool Online(byte address) =>
        Supervisor.Panel?.Peripherals.FirstOrDefault(p => p.Address == address) is { Online: true };

    /// <summary>Whether the secure channel with the reader at <paramref name="address"/> is up now.</summary>
    public bool SecureChannelUp(byte address) =>
        Supervisor.Panel?.Peripherals.FirstOrDefault(p => p.Address == address) is { SecureChannelUp: true };

    public void Start()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            // Called directly, not on the pool: the line is opened and the first round sent before the service listens, so
            // the first `door list` already sees the readers (a real line's replies are awaited, not waited for here).
            _run ??= Supervisor.RunAsync(_stop.Token);
        }
    }

    /// <summary>Ends the bus loop (at most <see cref="StopWait"/>), then closes the line; once.</summary>
    public void Stop()
    {
        Task? run;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            _stop.Cancel();
            run = _run;
        }
        try
        {
            run?.Wait(StopWait);
        }
        catch (AggregateException)
        {
            // The supervisor ends on cancellation only; anything else was its last failure, counted already.
        }
        Supervisor.Dispose();
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }
}
