using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Osdp;
using EdgeStation.Access.Tests.Doors;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>
/// The bus as the station runs it (总线守护): rounds of polls with the decisions' LED and beeper answers, and a loop that
/// survives its line failing: the readers go offline (alarm), the bus is opened again after a pause, and cards work again.
/// Every wait is on the fake clock; the real-time bound on a signal only keeps a broken test from hanging.
/// </summary>
public sealed class OsdpBusSupervisorTests : IDisposable
{
    private static readonly byte[] SiteKey = Convert.FromHexString("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly StationDoors _s = new();
    private readonly SimulatedOsdpReader _reader = new(1, SiteKey) { RequireSecureChannel = true };
    private readonly List<FlakyOsdpLine> _lines = [];
    private readonly OsdpDoorBridge _bridge;
    private readonly OsdpBusSupervisor _bus;
    private readonly CancellationTokenSource _stop = new();

    public OsdpBusSupervisorTests()
    {
        _bridge = new OsdpDoorBridge(_s.System, [new OsdpReaderBinding(1, 0, StationDoors.Front.Id, ReaderDirection.Out)]);
        _bus = new OsdpBusSupervisor(Open, [1], secure: true, SiteKey, _bridge, _s.Time);
    }

    /// <summary>Opens a new line to the same reader, as reopening the serial device does.</summary>
    private FlakyOsdpLine Open()
    {
        var bus = new SimulatedOsdpBus();
        bus.Attach(_reader);
        var line = new FlakyOsdpLine(bus);
        _lines.Add(line);
        return line;
    }

    private Alarm? Offline() => _s.System.Board.Unacknowledged().SingleOrDefault(a => a.Kind == AlarmKind.ReaderOffline);

    [Fact]
    public async Task A_granted_card_turns_the_reader_green_with_one_beep()
    {
        var run = _bus.RunAsync(_stop.Token);
        _s.Person(7);

        _reader.PresentCard(WiegandDecoder.Encode(26, 1, 7));
        Assert.True(await _bus.RoundAsync(CancellationToken.None));

        Assert.True(_s.Unlocked(StationDoors.Front));
        Assert.Equal(OsdpFeedback.Green, _reader.LedCommands[^1][5]);
        Assert.Equal(1, _reader.BuzzerCommands[^1][4]);
        Assert.Equal(("out", AccessEventKind.Granted), (_s.Events[^1].Direction, _s.Events[^1].Kind));
        _stop.Cancel();
        await run.WaitAsync(Bound);
    }

    [Fact]
    public async Task An_unknown_card_turns_the_reader_red_with_three_beeps_and_leaves_the_lock()
    {
        var run = _bus.RunAsync(_stop.Token);

        _reader.PresentCard(WiegandDecoder.Encode(26, 1, 99));
        await _bus.RoundAsync(CancellationToken.None);

        Assert.False(_s.Unlocked(StationDoors.Front));
        Assert.Equal(OsdpFeedback.Red, _reader.LedCommands[^1][5]);
        Assert.Equal(3, _reader.BuzzerCommands[^1][4]);
        _stop.Cancel();
        await run.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_crash_of_the_bus_loop_raises_reader_offline_and_the_bus_comes_back_after_the_pause()
    {
        var crashed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _bus.Crashed += ex => crashed.TrySetResult(ex);
        var run = _bus.RunAsync(_stop.Token);
        Assert.True(_bus.Panel!.Link(1).Online);
        _s.Person(7);

        _lines[0].Broken = true; // the adapter is pulled out
        _s.Time.Advance(_bus.Panel!.Options.PollInterval); // the next round meets the I/O error
        var failure = await crashed.Task.WaitAsync(Bound);

        Assert.IsType<IOException>(failure);
        Assert.Null(_bus.Panel);
        Assert.True(_lines[0].Disposed);
        Assert.Equal(1, _bus.Crashes);
        Assert.Equal("OSDP reader 1 (front out)", Offline()!.Source);
        Assert.True(Offline()!.CauseActive);
        Assert.False(run.IsCompleted); // the loop lives on

        _bus.Started += _ => started.TrySetResult();
        _s.Time.Advance(OsdpBusSupervisor.RestartDelay(0));
        await started.Task.WaitAsync(Bound);
        _reader.PresentCard(WiegandDecoder.Encode(26, 1, 7));
        Assert.True(await _bus.RoundAsync(CancellationToken.None));

        Assert.Equal(2, _bus.Starts);
        Assert.False(Offline()!.CauseActive); // it answered the new panel
        Assert.True(_s.Unlocked(StationDoors.Front));
        _stop.Cancel();
        await run.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_device_that_cannot_be_opened_is_retried_with_growing_pauses_and_never_ends_the_loop()
    {
        var opens = 0;
        var crashes = new List<TaskCompletionSource>();
        for (var i = 0; i < 4; i++)
        {
            crashes.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        using var bus = new OsdpBusSupervisor(() =>
        {
            opens++;
            throw new FileNotFoundException("no serial device /dev/ttyUSB0");
        }, [1], secure: true, SiteKey, _bridge, _s.Time);
        var n = 0;
        bus.Crashed += _ => crashes[n++].TrySetResult();

        var run = bus.RunAsync(_stop.Token);
        await crashes[0].Task.WaitAsync(Bound);
        _s.Time.Advance(TimeSpan.FromSeconds(1));
        await crashes[1].Task.WaitAsync(Bound);
        _s.Time.Advance(TimeSpan.FromSeconds(1)); // the second pause is 2 s: not yet
        Assert.Equal(2, opens);
        _s.Time.Advance(TimeSpan.FromSeconds(1));
        await crashes[2].Task.WaitAsync(Bound);

        Assert.Equal(3, bus.Crashes);
        Assert.Equal("no serial device /dev/ttyUSB0", bus.LastError);
        Assert.NotNull(Offline());
        Assert.False(await bus.RoundAsync(CancellationToken.None)); // nothing to poll while the bus is down
        _stop.Cancel();
        await run.WaitAsync(Bound); // ends on cancellation, never with the device's error
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(50, 30)]
    public void Restart_pauses_double_up_to_thirty_seconds(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OsdpBusSupervisor.RestartDelay(failures));

    public void Dispose()
    {
        _stop.Cancel();
        _bus.Dispose();
        _stop.Dispose();
        _s.Dispose();
    }
}
