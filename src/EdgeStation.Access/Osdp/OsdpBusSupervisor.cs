namespace EdgeStation.Access.Osdp;

/// <summary>
/// Runs one OSDP bus for the station's life (总线守护): opens the line, builds a control panel with the configured readers,
/// attaches the door bridge, and polls round after round, sending each decision's LED and beeper answer between polls.
/// When the loop fails (the USB adapter pulled, an I/O error, a fault in a handler) the bus is put down (every reader
/// offline: alarm), and opened again after a growing pause (1 s, 2 s, 4 s … 30 s), for as long as the station runs:
/// nothing on the bus ever stops the station or a Wiegand door.
/// </summary>
public sealed class OsdpBusSupervisor : IDisposable
{
    public static readonly TimeSpan FirstRestartDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(30);

    private readonly Func<IOsdpConnection> _open;
    private readonly IReadOnlyList<byte> _addresses;
    private readonly bool _secure;
    private readonly byte[]? _baseKey;
    private readonly OsdpDoorBridge _bridge;
    private readonly TimeProvider _time;
    private readonly OsdpPanelOptions _options;
    private readonly SemaphoreSlim _round = new(1, 1);
    private OsdpControlPanel? _panel;
    private long _crashes;
    private long _starts;

    /// <param name="open">Opens the line; called again at each restart (throws when the device is missing).</param>
    /// <param name="baseKey">The site SCBK every secure reader holds (16 bytes); null with <paramref name="secure"/>: readers in install mode (default key).</param>
    public OsdpBusSupervisor(Func<IOsdpConnection> open, IReadOnlyList<byte> addresses, bool secure, byte[]? baseKey, OsdpDoorBridge bridge, TimeProvider time, OsdpPanelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(bridge);
        ArgumentNullException.ThrowIfNull(time);
        _open = open;
        _addresses = addresses;
        _secure = secure;
        _baseKey = baseKey;
        _bridge = bridge;
        _time = time;
        _options = options ?? new OsdpPanelOptions();
    }

    /// <summary>The loop failed and was restarted (or is waiting to be): counted in /metrics.</summary>
    public long Crashes => Interlocked.Read(ref _crashes);

    /// <summary>Panels built (1 after a clean start; one more per restart that opened the line).</summary>
    public long Starts => Interlocked.Read(ref _starts);

    /// <summary>The last failure's message (never a key: the panel's messages name addresses only).</summary>
    public string? LastError { get; private set; }

    /// <summary>The panel of the running bus; null while the bus is down.</summary>
    public OsdpControlPanel? Panel => Volatile.Read(ref _panel);

    /// <summary>A failure of the bus, after the bus was put down and with the restart's pause already begun.</summary>
    public event Action<Exception>? Crashed;

    /// <summary>A panel was built and attached (the first start, and each restart).</summary>
    public event Action<OsdpControlPanel>? Started;

    /// <summary>Runs the bus until cancelled; returns only then.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            OsdpControlPanel? panel = null;
            try
            {
                panel = Build();
                Volatile.Write(ref _panel, panel);
                Interlocked.Increment(ref _starts);
                Started?.Invoke(panel);
                while (true)
                {
                    await RoundAsync(cancellationToken).ConfigureAwait(false);
                    failures = 0; // a round went through: the next failure starts the pauses from the beginning
                    await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref _crashes);
                LastError = ex.Message;
                await PutDownAsync(panel).ConfigureAwait(false);
                panel = null;
                _bridge.ReportBusDown();
                // The pause is armed before anyone hears of the crash, so that a clock moved on hearing it moves it.
                var pause = Task.Delay(RestartDelay(failures++), _time, cancellationToken);
                Crashed?.Invoke(ex);
                try
                {
                    await pause.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                await PutDownAsync(panel).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One round on the running bus: every reader polled (a card waiting is decided at once), then the decisions' LED and
    /// beeper answers. One round at a time: `door simulate` runs one to answer at once, between the loop's own.
    /// False when the bus is down.
    /// </summary>
    public async Task<bool> RoundAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _panel) is not { } panel)
            {
                return false;
            }
            await panel.PollRoundAsync(cancellationToken).ConfigureAwait(false);
            await _bridge.SendFeedbackAsync(panel, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to 30 s after the <paramref name="failures"/>-th failure in a row (0 first).</summary>
    public static TimeSpan RestartDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxRestartDelay.Ticks, FirstRestartDelay.Ticks << Math.Min(failures, 5)));

    private OsdpControlPanel Build()
    {
        var line = _open();
        var panel = new OsdpControlPanel(line, _time, _options);
        try
        {
            foreach (var address in _addresses)
            {
                panel.Add(address, _secure, _baseKey);
            }
            _bridge.Attach(panel);
            return panel;
        }
        catch
        {
            panel.Dispose();
            throw;
        }
    }

    private async Task PutDownAsync(OsdpControlPanel? panel)
    {
        if (panel is null)
        {
            return;
        }
        Interlocked.CompareExchange(ref _panel, null, panel);
        _bridge.Detach(panel);
        // A round in flight (door simulate) still uses the panel: dispose it once that round is over.
        await _round.WaitAsync().ConfigureAwait(false);
        try
        {
            panel.Dispose();
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>Closes the line of a bus still up (a read that ignores cancellation ends with it); call after the run was cancelled.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _panel, null) is { } panel)
        {
            _bridge.Detach(panel);
            panel.Dispose();
        }
    }
}
