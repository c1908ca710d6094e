using System.Device.Gpio;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Gpio;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Calendar;
using EdgeStation.Domain.Doors;
using EdgeStation.Station.Tests.Support;
using EdgeStation.Storage.Access;
using Microsoft.Extensions.Time.Testing;

namespace EdgeStation.Station.Tests.Doors;

/// <summary>
/// ARCHITECTURE invariant 4 with the real event log: a door on the simulated chip keeps deciding from memory while
/// access.db is on a full disk (a real tmpfs) or held by another process, and the log's loss is bounded and counted.
/// </summary>
public sealed class DoorsWithoutStorageTests : IDisposable
{
    private const int Capacity = 5;
    private static readonly DoorSettings Front = new(1, "front", 17) { ContactPin = 27, ReaderIn = new WiegandPins(5, 6) };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _gpio;
    private readonly AccessSystem _doors;

    public DoorsWithoutStorageTests()
    {
        _driver = new SimulatedGpioDriver(_time);
        _gpio = new GpioController(_driver);
        var rights = new AccessRights();
        var commands = new AccessCommands(rights, new HashSet<int> { 1 });
        var now = _time.GetUtcNow();
        rights.Apply(commands.SetLevel(1, "front", [new LevelDoor(1, 0)], "admin", now));
        var add = commands.AddPerson("person 7", null, null, [1], false, "admin", now);
        rights.Apply(add);
        rights.Apply(commands.AddCard(add.Fields[AccessEntryKeys.Id].Text!, CardId.Wiegand(1, 7), "admin", now));
        _driver.Drive(Front.ContactPin!.Value, PinValue.Low);
        _doors = new AccessSystem(_gpio, [Front], [], rights, HolidayCalendar.Official, new StationTime("Asia/Shanghai"), _time,
            new PinHasher(new byte[PinHasher.KeyBytes]));
    }

    public void Dispose()
    {
        _doors.Dispose();
        _gpio.Dispose();
    }

    /// <summary>Card 1:N on the front reader; true when the relay opened for it.</summary>
    private bool Swipe(int n)
    {
        SimulatedWiegand.Send(_driver, Front.ReaderIn!.Value, SimulatedWiegand.CardBits(CardId.Wiegand(1, (uint)n)));
        _time.Advance(WiegandDecoder.DefaultFrameGap);
        var unlocked = _doors.Door(1)!.Logic.Outputs.Unlocked;
        _time.Advance(Front.Pulse);
        return unlocked;
    }

    /// <summary>Eight swipes, the enrolled card and a stranger's in turn: each answered as from memory.</summary>
    private void SwipeEightTimes()
    {
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(i % 2 == 0, Swipe(i % 2 == 0 ? 7 : 99));
        }
    }

    /// <summary>A real tmpfs roomier than the log's reserve, so that the first write goes through.</summary>
    private const int DiskMegabytes = (int)(AccessEventLog.DefaultReserveBytes / (1024 * 1024)) + 4;

    [SkippableFact]
    public void Doors_keep_deciding_on_a_full_disk_and_the_log_counts_what_it_dropped()
    {
        using var disk = Tmpfs.Mount(DiskMegabytes);
        using var log = new AccessEventLog(disk.Path, _time, Capacity);
        _doors.Event += e => log.Enqueue(e);
        Assert.True(Swipe(7));
        Assert.Equal(1, log.WriteQueued());
        var filler = disk.Fill();

        SwipeEightTimes();
        Assert.Equal(0, log.WriteQueued());
        Assert.Equal((8L - Capacity, Capacity), (log.Stats.Dropped, log.Stats.Waiting));
        Assert.True(log.Stats.WriteFailures > 0);
        // Refused by the reserve, before LiteDB was asked to write anything.
        Assert.StartsWith("disk full: 0 KB free", log.Stats.LastError, StringComparison.Ordinal);
        Assert.Single(log.Recent(100)); // the log still reads on the full disk

        File.Delete(filler);
        Assert.Equal(Capacity, log.WriteQueued());
        Assert.Null(log.Stats.LastError);
        Assert.Equal(1 + Capacity, log.Recent(100).Count);
    }

    /// <summary>
    /// With the reserve off, LiteDB itself meets the full disk and its engine closes: the log leaves that instance
    /// (kept, never disposed: AbandonedLiteDb) and goes on with a fresh one once there is room, losing nothing queued.
    /// The finalizers run here and now: a LiteDB transaction left half disposed would end the process at this point
    /// (LiteDB issue #2574, what crashed the test host last time; not reproduced on demand, see docs/access.md).
    /// </summary>
    [SkippableFact]
    public void LiteDB_meeting_a_full_disk_itself_loses_nothing_queued_and_the_log_goes_on_with_a_fresh_instance()
    {
        using var disk = Tmpfs.Mount(DiskMegabytes);
        using var log = new AccessEventLog(disk.Path, _time, Capacity * 2, reserveBytes: 0);
        _doors.Event += e => log.Enqueue(e);
        Assert.True(Swipe(7));
        Assert.Equal(1, log.WriteQueued());
        var filler = disk.Fill();

        SwipeEightTimes();
        Assert.Equal(0, log.WriteQueued());
        Assert.Equal(8, log.Stats.Waiting);
        Assert.Equal("disk full", log.Stats.LastError); // LiteDB's own failure this time
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers(); // a finalizer that throws ends the process here
        }

        File.Delete(filler);
        Assert.Equal(8, log.WriteQueued());
        Assert.Equal(1 + 8, log.Recent(100).Count);
    }

    [Fact]
    public void Doors_keep_deciding_while_the_log_file_is_held_and_nothing_queued_is_lost()
    {
        var dir = Directory.CreateTempSubdirectory("edgestation-doors-").FullName;
        try
        {
            HeldFile(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private void HeldFile(string dir)
    {
        using (var first = new AccessEventLog(dir, _time))
        {
            first.Enqueue(new AccessEvent(_time.GetUtcNow(), 1, AccessEventKind.Mode, "normal"));
            first.WriteQueued();
        }
        using var log = new AccessEventLog(dir, _time, Capacity * 2);
        _doors.Event += e => log.Enqueue(e);
        using (new FileStream(Path.Combine(dir, AccessEventLog.FileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            SwipeEightTimes();
            Assert.Equal(0, log.WriteQueued());
            Assert.Equal((0L, 8), (log.Stats.Dropped, log.Stats.Waiting));
        }
        Assert.Equal(8, log.WriteQueued());
        Assert.Equal(["Refused", "Granted"], log.Recent(2).Select(e => e.Event.Kind.ToString()));
    }
}
