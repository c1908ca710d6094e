using EdgeStation.Access.Alarms;
using EdgeStation.Access.Decisions;
using EdgeStation.Access.Doors;
using EdgeStation.Access.Osdp;
using EdgeStation.Access.Tests.Doors;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>
/// OSDP readers at the station's doors (the two doors of <see cref="StationDoors"/>): reads over the secure channel open
/// the door as a wired reader would, and an unplugged reader raises the reader-offline alarm.
/// </summary>
public sealed class OsdpDoorBridgeTests : IDisposable
{
    private static readonly byte[] SiteKey = Convert.FromHexString("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");
    private readonly StationDoors _s = new();
    private readonly SimulatedOsdpBus _bus = new();
    private readonly OsdpControlPanel _panel;
    private readonly SimulatedOsdpReader _front;
    private readonly SimulatedOsdpReader _archive;
    private readonly OsdpDoorBridge _bridge;

    public OsdpDoorBridgeTests()
    {
        _panel = new OsdpControlPanel(_bus, _s.Time);
        _front = _bus.Attach(new SimulatedOsdpReader(1, SiteKey) { RequireSecureChannel = true });
        _archive = _bus.Attach(new SimulatedOsdpReader(2, SiteKey) { RequireSecureChannel = true });
        _panel.Add(1, baseKey: SiteKey);
        _panel.Add(2, baseKey: SiteKey);
        _bridge = new OsdpDoorBridge(_panel, _s.System,
            [new OsdpReaderBinding(1, 0, StationDoors.Front.Id, ReaderDirection.In), new OsdpReaderBinding(2, 0, StationDoors.Archive.Id, ReaderDirection.In)]);
    }

    [Fact]
    public async Task An_enrolled_card_on_an_osdp_reader_opens_its_door()
    {
        var id = _s.Person(7);
        await _panel.PollRoundAsync(CancellationToken.None);

        _front.PresentCard(WiegandDecoder.Encode(26, 1, 7));
        await _panel.PollRoundAsync(CancellationToken.None);

        Assert.True(_s.Unlocked(StationDoors.Front));
        var e = _s.Events[^1];
        Assert.Equal((AccessEventKind.Granted, id, "1:7", "in", "front"), (e.Kind, e.Person, e.Card, e.Direction, e.Source));
        Assert.False(_s.Unlocked(StationDoors.Archive));
    }

    [Fact]
    public async Task Card_and_pin_on_the_readers_own_keypad_open_a_card_and_pin_door()
    {
        _s.Person(7, pin: "2580");
        await _panel.PollRoundAsync(CancellationToken.None);

        _archive.PresentCard(WiegandDecoder.Encode(26, 1, 7));
        await _panel.PollRoundAsync(CancellationToken.None);
        Assert.False(_s.Unlocked(StationDoors.Archive)); // the card alone is not enough here
        _archive.PressKeys("2580#");
        await _panel.PollRoundAsync(CancellationToken.None);

        Assert.True(_s.Unlocked(StationDoors.Archive));
    }

    [Fact]
    public async Task An_unknown_card_is_refused_and_leaves_the_lock_alone()
    {
        _s.Person(7);
        await _panel.PollRoundAsync(CancellationToken.None);

        _front.PresentCard(WiegandDecoder.Encode(26, 1, 99));
        await _panel.PollRoundAsync(CancellationToken.None);

        Assert.False(_s.Unlocked(StationDoors.Front));
        Assert.Equal(AccessEventKind.Refused, _s.Events[^1].Kind);
    }

    [Fact]
    public async Task An_unplugged_reader_raises_reader_offline_and_its_cause_ends_when_it_answers()
    {
        await _panel.PollRoundAsync(CancellationToken.None);
        _archive.Silent = true;

        for (var i = 0; i < _panel.Options.OfflineAfter; i++)
        {
            var poll = _panel.PollAsync(2, CancellationToken.None);
            _s.Time.Advance(_panel.Options.ReplyTimeout);
            await poll;
        }

        var alarm = Assert.Single(_s.System.Board.Unacknowledged(), a => a.Kind == AlarmKind.ReaderOffline);
        Assert.Equal("OSDP reader 2 (archive in)", alarm.Source);
        Assert.True(alarm.CauseActive);

        _archive.Silent = false;
        await _panel.PollRoundAsync(CancellationToken.None); // a new handshake, then the poll
        Assert.False(_s.System.Board.Unacknowledged().Single(a => a.Kind == AlarmKind.ReaderOffline).CauseActive);
    }

    [Fact]
    public async Task A_reader_silent_from_the_start_is_reported_offline_too()
    {
        _front.Silent = true;

        for (var i = 0; i < _panel.Options.OfflineAfter; i++)
        {
            var handshake = _panel.EstablishSecureChannelAsync(1, CancellationToken.None);
            _s.Time.Advance(_panel.Options.ReplyTimeout);
            await handshake;
        }

        Assert.Contains(_s.System.Board.Unacknowledged(), a => a.Kind == AlarmKind.ReaderOffline && a.Source == "OSDP reader 1 (front in)");
    }

    [Fact]
    public void A_binding_to_a_missing_door_or_a_reader_bound_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new OsdpDoorBridge(_panel, _s.System, [new OsdpReaderBinding(1, 0, 9, ReaderDirection.In)]));
        Assert.Throws<ArgumentException>(() => new OsdpDoorBridge(_panel, _s.System,
            [new OsdpReaderBinding(1, 0, 1, ReaderDirection.In), new OsdpReaderBinding(1, 0, 2, ReaderDirection.In)]));
    }

    public void Dispose()
    {
        _panel.Dispose();
        _s.Dispose();
    }
}
