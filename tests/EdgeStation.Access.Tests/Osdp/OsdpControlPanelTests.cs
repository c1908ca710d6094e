using EdgeStation.Access.Osdp;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>The station polling readers on an RS-485 bus, in the clear (a reader that has no secure channel).</summary>
public sealed class OsdpControlPanelTests
{
    [Fact]
    public async Task A_card_held_to_the_reader_arrives_with_the_next_poll_as_the_card_it_is()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1));
        f.Panel.Add(1, secure: false);

        Assert.Equal(OsdpExchangeResult.Answered, await f.Panel.PollAsync(1, CancellationToken.None));
        Assert.Empty(f.Cards);
        reader.PresentCard(WiegandDecoder.Encode(26, 12, 3456));
        Assert.Equal(OsdpExchangeResult.Answered, await f.Panel.PollAsync(1, CancellationToken.None));

        var card = Assert.Single(f.Cards);
        Assert.Equal(26, card.BitCount);
        Assert.Equal(WiegandFrameKind.Card, card.Frame.Kind);
        Assert.Equal(CardId.Wiegand(12, 3456), card.Frame.Card);
    }

    [Fact]
    public async Task A_card_read_whose_parity_fails_is_reported_as_rejected_never_as_a_card()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1));
        f.Panel.Add(1, secure: false);
        var bits = WiegandDecoder.Encode(26, 12, 3456);
        bits[5] = !bits[5];

        reader.PresentCard(bits);
        await f.Panel.PollAsync(1, CancellationToken.None);

        Assert.Equal(WiegandFrameKind.Rejected, Assert.Single(f.Cards).Frame.Kind);
    }

    [Fact]
    public async Task Keys_pressed_arrive_as_digits_star_and_hash()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(2));
        f.Panel.Add(2, secure: false);

        reader.PressKeys("1234#");
        reader.PressKeys("*");
        await f.Panel.PollAsync(2, CancellationToken.None);
        await f.Panel.PollAsync(2, CancellationToken.None);

        Assert.Equal(["1234#", "*"], f.Keys.Select(k => k.Keys));
    }

    [Fact]
    public async Task The_panel_drives_the_readers_led_and_buzzer()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1));
        f.Panel.Add(1, secure: false);

        Assert.Equal(OsdpExchangeResult.Answered, await f.Panel.SetLedAsync(1, 0, 0, color: 2, CancellationToken.None));
        Assert.Equal(OsdpExchangeResult.Answered, await f.Panel.BuzzAsync(1, 0, 2, 1, 3, CancellationToken.None));

        Assert.Equal(2, Assert.Single(reader.LedCommands)[12]); // permanent on-colour: green
        Assert.Equal(new byte[] { 0, 2, 2, 1, 3 }, Assert.Single(reader.BuzzerCommands));
    }

    [Fact]
    public async Task A_reader_that_stops_answering_goes_offline_after_three_timeouts_and_back_online_when_it_answers()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1));
        f.Panel.Add(1, secure: false);
        await f.Panel.PollAsync(1, CancellationToken.None);
        Assert.Equal([(1, true)], f.OnlineChanges);

        reader.Silent = true;
        Assert.Equal(OsdpExchangeResult.Timeout, await f.UnansweredPollAsync(1));
        Assert.Equal(OsdpExchangeResult.Timeout, await f.UnansweredPollAsync(1));
        Assert.True(f.Panel.Link(1).Online); // two lost replies are noise, not an unplugged reader
        Assert.Equal(OsdpExchangeResult.Timeout, await f.UnansweredPollAsync(1));
        Assert.False(f.Panel.Link(1).Online);

        reader.Silent = false;
        Assert.Equal(OsdpExchangeResult.Answered, await f.Panel.PollAsync(1, CancellationToken.None));
        Assert.Equal([(1, true), (1, false), (1, true)], f.OnlineChanges);
        Assert.Equal(3, f.Panel.Timeouts);
    }

    [Fact]
    public async Task A_repeated_command_gets_the_same_reply_and_does_not_act_twice()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1));
        f.Panel.Add(1, secure: false);
        await f.Panel.PollAsync(1, CancellationToken.None); // sequence 0
        await f.Panel.SetLedAsync(1, 0, 0, 1, CancellationToken.None); // sequence 1
        var led = f.Bus.Wire.Last(w => w.FromPanel).Bytes;

        var again = f.Bus.Replay(led); // as the panel resends when it missed the reply

        Assert.Equal(f.Bus.Wire.Last(w => !w.FromPanel).Bytes, Assert.Single(again));
        Assert.Single(reader.LedCommands);
    }

    [Fact]
    public async Task A_reply_garbled_on_the_line_is_dropped_and_counted_and_the_exchange_times_out()
    {
        using var f = new OsdpBusFixture();
        f.Bus.Attach(new SimulatedOsdpReader(1));
        f.Panel.Add(1, secure: false);
        f.Bus.Tamper = reply =>
        {
            var copy = (byte[])reply.Clone();
            copy[^3] ^= 0x10;
            return copy;
        };

        Assert.Equal(OsdpExchangeResult.Timeout, await f.UnansweredPollAsync(1));
        Assert.Equal(1, f.Panel.RejectedFrames);
        Assert.Empty(f.Cards);
    }

    [Fact]
    public async Task A_reader_that_demands_the_secure_channel_refuses_plain_polls_and_stays_online()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1) { RequireSecureChannel = true });
        f.Panel.Add(1, secure: false);
        reader.PresentCard(WiegandDecoder.Encode(26, 1, 2));

        Assert.Equal(OsdpExchangeResult.Refused, await f.Panel.PollAsync(1, CancellationToken.None));

        Assert.Equal(1, f.Panel.Refusals);
        Assert.True(f.Panel.Link(1).Online); // it answers: misconfigured, not unplugged
        Assert.Empty(f.Cards); // and it gave nothing away in the clear
    }

    [Fact]
    public void Addresses_and_keys_outside_the_protocol_are_refused()
    {
        using var f = new OsdpBusFixture();

        Assert.Throws<ArgumentOutOfRangeException>(() => f.Panel.Add(127));
        Assert.Throws<ArgumentException>(() => f.Panel.Add(1, baseKey: new byte[15]));
        Assert.Throws<ArgumentException>(() => f.Panel.Link(9));
    }
}
