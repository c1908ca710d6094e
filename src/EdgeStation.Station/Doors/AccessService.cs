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
/// the service listens, so a missing GPIO chip stops the start (exit 3); stopped last, leaving every relay de-energised
/// so each lock does what its fail mode says.
/// </summary>
public sealed class AccessService : IHostedService, IDisposable
{
    public const string KeyFile = "access.key";

    private readonly GpioController _gpio;
    private readonly CancellationTokenSource _stop = new();
    private Task? _writer;
    private bool _disposed;

    private AccessService(AccessSettings settings, GpioController gpio, SimulatedGpioDriver? simulated, AccessSystem system, AccessEventLog log)
    {
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
        try
        {
            var system = new AccessSystem(gpio, settings.Doors, [.. settings.AlarmButtons.Select(b => b.Input)], rights,
                records.Calculator.Calendar, new StationTime(records.Config.Settings.TimeZone), time, pins);
            log = new AccessEventLog(store.DataDir, time, settings.EventQueue, settings.EventRetention);
            return new AccessService(settings, gpio, simulated, system, log);
        }
        catch (Exception ex) when (ex is not StorageEnvironmentException)
        {
            log?.Dispose();
            gpio.Dispose();
            throw new StorageEnvironmentException($"the doors could not be set up on {settings.Gpio}: {ex.Message}", ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(() => Log.RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Doors first: relays de-energised (fail modes), then what they logged is written.
        System.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_writer is { } w)
        {
            await w.WaitAsync(cancellationToken).ConfigureAwait(false);
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
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        System.Dispose();
        _stop.Cancel();
        try
        {
            _writer?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The writer's own failures are counted in its stats; stopping goes on.
        }
        Log.Dispose();
        _gpio.Dispose();
        _stop.Dispose();
    }
}
