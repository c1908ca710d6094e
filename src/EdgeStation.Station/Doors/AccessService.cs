using System.Device.Gpio;
using System.Security.Cryptography;
using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Gpio;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Doors;
using EdgeStation.Domain.Records;
using EdgeStation.Station.Config;
using EdgeStation.Station.Records;
using EdgeStation.Storage;
using EdgeStation.Storage.Access;
using EdgeStation.Storage.Ledger;

namespace EdgeStation.Station.Doors;

/// <summary>
/// The doors inside the station service (门禁服务): access rights folded from the ledger's <c>access</c> entries, every
/// configured door and alarm button on the GPIO chip (or the simulated one), and the event log's writer. Built before
/// the service listens, so a missing GPIO chip stops the start (exit 3).
/// </summary>
/// <remarks>
/// Stopping, in this order and each step once however often it is asked for (a host may be stopped twice, and disposed
/// after a failed start without a stop): the doors, as soon as the host begins to stop (<see cref="StoppingAsync"/>, before
/// Kestrel drains its requests), leaving every relay de-energised so each lock does what its fail mode says; then the
/// event log's writer, which writes what the doors logged (<see cref="StopAsync"/>); then the file, the chip and the
/// token (<see cref="Dispose"/>, by the host's container once nothing can call in, or by the caller that built it
/// when no host took it).
/// </remarks>
public sealed class AccessService : IHostedLifecycleService, IDisposable
{
    public const string KeyFile = "access.key";

    /// <summary>The actor of a mode taken up again at start from <see cref="DoorModeFile"/>.</summary>
    public const string RestoredActor = "restored-at-start";

    /// <summary>How long <see cref="Dispose"/> waits for the writer when no stop came first.</summary>
    public static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    private readonly GpioController _gpio;
    private readonly LedgerStore _store;
    private readonly PinStore? _pinStore;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Lock _modes = new();
    private Task? _writer;
    private bool _doorsStopped;
    private bool _disposed;

    private AccessService(LedgerStore store, PinStore? pinStore, TimeProvider time, AccessSettings settings, GpioController gpio, SimulatedGpioDriver? simulated, AccessSystem system, AccessEventLog log, StationOsdpBus? osdp)
    {
        Osdp = osdp;
        _store = store;
        _pinStore = pinStore;
        _time = time;
        Settings = settings;
        _gpio = gpio;
        Simulated = simulated;
        System = system;
        Log = log;
        System.Event += e => Log.Enqueue(e);
    }

    public AccessSettings Settings { get; }
    public AccessSystem System { get; }
    public AccessEventLog Log { get; }
    /// <summary>The simulated chip, when the configuration says "simulated": `door simulate` drives its lines.</summary>
    public SimulatedGpioDriver? Simulated { get; }
    /// <summary>The OSDP readers' bus (station.json "access.osdp"), run from <see cref="StartAsync"/>; null when there is none.</summary>
    public StationOsdpBus? Osdp { get; }

    /// <summary>Builds the doors of <paramref name="settings"/>; throws <see cref="StorageEnvironmentException"/> when the GPIO chip is missing.</summary>
    public static AccessService Create(LedgerStore store, RecordService records, AccessSettings settings, TimeProvider time)
    {
        // A station without doors pays nothing: no ledger scan, no key file (the alarm board still serves the kiosk).
        var hasDoors = settings.Doors.Count > 0 || settings.AlarmButtons.Count > 0;
        var rights = new AccessRights();
        if (hasDoors)
        {
            foreach (var entry in store.Entries())
            {
                if (entry.RecordId.StartsWith("access:", StringComparison.Ordinal))
                {
                    rights.Apply(RecordEventCodec.Decode(entry.Content));
                }
            }
        }
        var pins = new PinHasher(hasDoors ? LoadOrCreateKey(store.DataDir) : RandomNumberGenerator.GetBytes(PinHasher.KeyBytes));
        PinStore? pinStore = null;
        if (hasDoors)
        {
            pinStore = PinStore.Open(store.DataDir);
            foreach (var ((person, duress), hash) in pinStore.Hashes)
            {
                // A removed person's PIN may outlive them in the file (the removal's rewrite failed): it opens nothing.
                if (rights.Person(person) is not null)
                {
                    rights.SetPinHash(person, hash, duress);
                }
            }
        }
        SimulatedGpioDriver? simulated = null;
        GpioController gpio;
        if (settings.IsSimulated)
        {
            simulated = new SimulatedGpioDriver(time, AccessConfigParser.BoardLines);
            gpio = new GpioController(simulated);
            // The simulated doors start shut, as a real installation's contacts read at start.
            foreach (var d in settings.Doors)
            {
                if (d.ContactPin is { } c)
                {
                    simulated.Drive(c, PinValue.Low);
                }
            }
        }
        else
        {
            try
            {
                gpio = new GpioController();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new StorageEnvironmentException(
                    $"no GPIO for the doors ({ex.Message}): check that {settings.Gpio} exists (ls /dev/gpiochip*) and that the service's user is in the " +
                    "gpio group, or set access.gpio to \"simulated\" in station.json to run without door hardware", ex);
            }
        }
        AccessEventLog? log = null;
        AccessSystem? system = null;
        try
        {
            var modes = hasDoors ? DoorModeFile.Load(store.DataDir) : new Dictionary<int, DoorMode>();
            system = new AccessSystem(gpio, settings.Doors, [.. settings.AlarmButtons.Select(b => b.Input)], rights,
                records.Calculator.Calendar, new StationTime(records.Config.Settings.TimeZone), time, pins);
            log = new AccessEventLog(store.DataDir, time, settings.EventQueue, settings.EventRetention);
            // The bus is only built here (key file, readers at doors); it opens its device when the service starts, and
            // a device that is missing or fails then raises reader-offline alarms and is retried: it never stops the station.
            var osdp = settings.Osdp is { } o && settings.Doors.Count > 0 ? StationOsdpBus.Create(o, system, store.DataDir, time) : null;
            var service = new AccessService(store, pinStore, time, settings, gpio, simulated, system, log, osdp);
            foreach (var (door, mode) in modes)
            {
                // A lockdown outlives a restart; the event log says it was taken up again. A door no longer configured is skipped.
                system.Door(door)?.SetMode(mode, RestoredActor);
            }
            return service;
        }
        catch (Exception ex)
        {
            log?.Dispose();
            system?.Dispose();
            gpio.Dispose();
            if (ex is StorageEnvironmentException)
            {
                throw;
            }
            throw new StorageEnvironmentException($"the doors could not be set up on {settings.Gpio}: {ex.Message}", ex);
        }
    }

    /// <summary>True once the doors are stopped (relays de-energised): `door simulate` is refused from then on.</summary>
    public bool DoorsStopped
    {
        get
        {
            lock (_gate)
            {
                return _doorsStopped;
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stop = _stop.Token;
            _writer ??= Task.Run(() => Log.RunAsync(stop), CancellationToken.None);
        }
        Osdp?.Start();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The host begins to stop: the doors go first, before any request is drained or any other service stops.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        StopDoors();
        return Task.CompletedTask;
    }

    /// <summary>The doors (if <see cref="StoppingAsync"/> has not), then the writer writes what is queued and ends.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        StopDoors();
        Task? writer;
        lock (_gate)
        {
            if (_disposed)
            {
                return; // a second stop after the host disposed us: all done already
            }
            _stop.Cancel();
            writer = _writer;
        }
        if (writer is not null)
        {
            await writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Relays de-energised (each lock as its fail mode says), inputs released; once.</summary>
    private void StopDoors()
    {
        lock (_gate)
        {
            if (_doorsStopped)
            {
                return;
            }
            _doorsStopped = true;
        }
        Osdp?.Stop(); // no read reaches a door being stopped
        System.Dispose();
    }

    /// <summary>
    /// One change of access rights (`person add`, `card add` …): checked against the rights the doors decide from,
    /// appended to the ledger as an <c>access</c> entry, and only then applied, so a door never grants what the ledger
    /// lacks. One change at a time: the next person id and the card-owner check see every change before them.
    /// </summary>
    /// <exception cref="AccessInputException">Bad input: nothing changed.</exception>
    public async Task<RecordEvent> ChangeAsync(Func<AccessCommands, DateTimeOffset, RecordEvent> build)
    {
        RequireDoors();
        await _changes.WaitAsync().ConfigureAwait(false);
        try
        {
            var e = build(Commands(), _time.GetUtcNow());
            await _store.AppendAsync(_ => e).ConfigureAwait(false);
            System.Rights.Apply(e);
            if (e.Action == AccessEntryKeys.PersonRemove && _pinStore is not null)
            {
                ForgetPins(e.Fields[AccessEntryKeys.Id].ToString());
            }
            return e;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>
    /// Sets a person's PIN or duress PIN (`pin set`): the hash goes to the PIN store (<see cref="PinStore"/>) first, then
    /// the ledger gets an <c>access</c> entry saying only that it was set and by whom; the doors take it after both. A
    /// PIN someone else holds (or the person's other PIN) is refused: a PIN-only door finds its holder by the PIN.
    /// </summary>
    /// <exception cref="AccessInputException">Bad input (a PIN not 4–8 digits, an unknown person, a taken PIN): nothing changed.</exception>
    public async Task<RecordEvent> SetPinAsync(string personId, string pin, bool duress, string actor)
    {
        RequireDoors();
        await _changes.WaitAsync().ConfigureAwait(false);
        try
        {
            var hash = System.Pins.Hash(pin);
            var e = Commands().PinChanged(personId, duress, cleared: false, actor, _time.GetUtcNow());
            if (System.Rights.PersonByPinHash(hash) is { } holder && (holder.Person.Id != personId || holder.Duress != duress))
            {
                // Never say whose: that would tell an admin someone else's PIN.
                throw new AccessInputException("that PIN is already in use; choose another (a PIN-only door finds its holder by the PIN)");
            }
            var store = _pinStore!;
            var previous = store.Hashes.GetValueOrDefault((personId, duress));
            store.Set(personId, duress, hash);
            try
            {
                await _store.AppendAsync(_ => e).ConfigureAwait(false);
            }
            catch
            {
                // Not in the ledger, so not set: the file goes back to what it held.
                store.Set(personId, duress, previous);
                throw;
            }
            System.Rights.Apply(e);
            System.Rights.SetPinHash(personId, hash, duress);
            return e;
        }
        finally
        {
            _changes.Release();
        }
    }

    private AccessCommands Commands() => new(System.Rights, Settings.Doors.Select(d => d.Id).ToHashSet());

    private void RequireDoors()
    {
        if (Settings.Doors.Count == 0)
        {
            throw new AccessInputException("this station has no doors configured (station.json \"access.doors\"); configure them before enrolling people");
        }
    }

    /// <summary>A removed person's PIN hashes leave the file too; if that rewrite fails they stay behind harmless (loading skips unknown persons).</summary>
    private void ForgetPins(string personId)
    {
        try
        {
            _pinStore!.Remove(personId);
        }
        catch (StorageEnvironmentException)
        {
            // The removal is in the ledger and in memory; the stale lines open nothing.
        }
    }

    /// <summary>
    /// An admin's mode for <paramref name="door"/> (`door mode`): in force at once (a lockdown never waits on the disk),
    /// then kept in <see cref="DoorModeFile"/> for the next start. Null, or why it could not be kept (it holds until a restart).
    /// </summary>
    public string? SetMode(DoorController door, DoorMode mode, string actor)
    {
        ArgumentNullException.ThrowIfNull(door);
        lock (_modes)
        {
            door.SetMode(mode, actor);
            try
            {
                DoorModeFile.Save(_store.DataDir, System.Doors.Select(d => (d.Id, d.Mode)));
                return null;
            }
            catch (StorageEnvironmentException ex)
            {
                return ex.Message;
            }
        }
    }

    /// <summary>The alarm button that sits by <paramref name="door"/>, if any.</summary>
    public AlarmButton? ButtonBy(int door) => Settings.AlarmButtons.FirstOrDefault(b => b.Door == door);

    /// <summary>
    /// The station's PIN key (32 random bytes, owner-only), made on first start; the PIN hashes mean nothing without it.
    /// </summary>
    private static byte[] LoadOrCreateKey(string dataDir)
    {
        var path = Path.Combine(dataDir, KeyFile);
        try
        {
            if (File.Exists(path))
            {
                var key = File.ReadAllBytes(path);
                return key.Length == PinHasher.KeyBytes
                    ? key
                    : throw new StorageEnvironmentException($"{path} is not a PIN key ({key.Length} bytes, expected {PinHasher.KeyBytes}); restore it from the backup, or door PINs cannot be checked");
            }
            var fresh = RandomNumberGenerator.GetBytes(PinHasher.KeyBytes);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var f = new FileStream(path, options))
            {
                f.Write(fresh);
                f.Flush(flushToDisk: true);
            }
            return fresh;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageEnvironmentException($"cannot read or create the door PIN key {path}: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        StopDoors();
        Task? writer;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _stop.Cancel();
            writer = _writer;
        }
        try
        {
            writer?.Wait(DisposeWait);
        }
        catch (AggregateException)
        {
            // The writer's own failures are counted in its stats; stopping goes on.
        }
        Osdp?.Dispose();
        Log.Dispose();
        _gpio.Dispose();
        _stop.Dispose();
        _changes.Dispose();
    }
}
