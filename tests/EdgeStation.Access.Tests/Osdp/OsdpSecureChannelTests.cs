using EdgeStation.Access.Osdp;
using EdgeStation.Access.Wiegand;
using EdgeStation.Domain.Doors;

namespace EdgeStation.Access.Tests.Osdp;

/// <summary>
/// The OSDP secure channel (AES-128) between the station and a reader: the handshake, keys, and what an attacker on the
/// RS-485 wires can and cannot do (read card numbers, replay a command, change a reply).
/// </summary>
public sealed class OsdpSecureChannelTests
{
    private static readonly byte[] SiteKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");

    [Fact]
    public async Task The_handshake_opens_a_channel_and_card_reads_cross_the_wire_encrypted()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1, SiteKey) { RequireSecureChannel = true });
        f.Panel.Add(1, secure: true, baseKey: SiteKey);

        await f.Panel.PollRoundAsync(CancellationToken.None);
        Assert.True(f.Panel.Link(1).SecureChannelUp);
        Assert.True(reader.SecureChannelUp);

        var bits = WiegandDecoder.Encode(26, 12, 3456);
        reader.PresentCard(bits);
        await f.Panel.PollRoundAsync(CancellationToken.None);

        Assert.Equal(CardId.Wiegand(12, 3456), Assert.Single(f.Cards).Frame.Card);
        var plain = OsdpCardRead.Pack(bits);
        Assert.DoesNotContain(f.Bus.Wire, w => w.Bytes.AsSpan().IndexOf(plain) >= 0);
    }

    [Fact]
    public async Task Keys_and_led_commands_work_over_the_channel()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1, SiteKey) { RequireSecureChannel = true });
        f.Panel.Add(1, secure: true, baseKey: SiteKey);
        await f.Panel.PollRoundAsync(CancellationToken.None);

        reader.PressKeys("2468#");
        await f.Panel.PollRoundAsync(CancellationToken.None);
        Assert.Equal(OsdpExchangeResult.Answered, await f.Panel.SetLedAsync(1, 0, 0, 2, CancellationToken.None));

        Assert.Equal("2468#", Assert.Single(f.Keys).Keys);
        Assert.Single(reader.LedCommands);
        Assert.Equal(0, reader.MacFailures);
    }

    [Fact]
    public async Task A_reader_with_another_key_gets_no_channel_and_tells_nothing()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1, Convert.FromHexString("FFEEDDCCBBAA99887766554433221100")) { RequireSecureChannel = true });
        f.Panel.Add(1, secure: true, baseKey: SiteKey);
        reader.PresentCard(WiegandDecoder.Encode(26, 12, 3456));

        await f.Panel.PollRoundAsync(CancellationToken.None);

        Assert.False(f.Panel.Link(1).SecureChannelUp);
        Assert.Equal(1, f.Panel.SecurityFailures);
        Assert.Empty(f.Cards);
    }

    [Fact]
    public async Task A_recorded_command_replayed_on_the_wire_is_refused()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1, SiteKey) { RequireSecureChannel = true });
        f.Panel.Add(1, secure: true, baseKey: SiteKey);
        await f.Panel.PollRoundAsync(CancellationToken.None);
        await f.Panel.SetLedAsync(1, 0, 0, 2, CancellationToken.None);
        var recorded = f.Bus.Wire.Last(w => w.FromPanel).Bytes;
        await f.Panel.PollRoundAsync(CancellationToken.None); // the chain moves on

        var answers = f.Bus.Replay(recorded);

        Assert.Single(reader.LedCommands); // not acted on a second time
        Assert.Equal(1, reader.MacFailures);
        var refusal = new OsdpFrameReader().Feed(Assert.Single(answers)).Single().Packet;
        Assert.Equal(OsdpReply.Nak, refusal.Code);
    }

    [Fact]
    public async Task A_reply_changed_in_flight_fails_its_mac_and_the_panel_opens_a_fresh_channel()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1, SiteKey) { RequireSecureChannel = true });
        f.Panel.Add(1, secure: true, baseKey: SiteKey);
        await f.Panel.PollRoundAsync(CancellationToken.None);
        // A man in the middle flips a data bit and fixes the CRC, so only the MAC can tell.
        f.Bus.Tamper = reply =>
        {
            var packet = new OsdpFrameReader().Feed(reply).Single().Packet;
            var data = (byte[])packet.Data.Clone();
            var mac = (byte[])packet.Mac!.Clone();
            if (data.Length > 0)
            {
                data[0] ^= 0x01;
            }
            else
            {
                mac[0] ^= 0x01;
            }
            return OsdpFrameCodec.Encode(packet with { Data = data, Mac = mac });
        };
        reader.PresentCard(WiegandDecoder.Encode(26, 12, 3456));

        Assert.Equal(OsdpExchangeResult.SecurityFailure, await f.Panel.PollAsync(1, CancellationToken.None));
        Assert.Empty(f.Cards);
        Assert.False(f.Panel.Link(1).SecureChannelUp);

        f.Bus.Tamper = null;
        await f.Panel.PollRoundAsync(CancellationToken.None); // a new handshake, then the poll
        Assert.True(f.Panel.Link(1).SecureChannelUp);
    }

    [Fact]
    public async Task An_installer_replaces_the_default_key_and_the_default_no_longer_opens_the_reader()
    {
        using var f = new OsdpBusFixture();
        var reader = f.Bus.Attach(new SimulatedOsdpReader(1)); // fresh from the box: SCBK-D
        f.Panel.Add(1, secure: true); // install mode
        await f.Panel.PollRoundAsync(CancellationToken.None);
        Assert.True(f.Panel.Link(1).SecureChannelUp);

        Assert.Equal(OsdpExchangeResult.Answered, await f.Panel.SetBaseKeyAsync(1, SiteKey, CancellationToken.None));
        Assert.Equal(SiteKey, reader.BaseKey);
        Assert.True(await f.Panel.EstablishSecureChannelAsync(1, CancellationToken.None));

        // Another panel in install mode (someone with a laptop on the bus) cannot open it with the default key.
        using var other = new OsdpBusFixture();
        other.Bus.Attach(reader);
        other.Panel.Add(1, secure: true);
        Assert.False(await other.Panel.EstablishSecureChannelAsync(1, CancellationToken.None));
    }

    [Fact]
    public void The_mac_chain_and_encryption_round_trip_and_any_change_fails()
    {
        var panelRandom = Convert.FromHexString("0102030405060708");
        var deviceRandom = Convert.FromHexString("1112131415161718");
        var keys = SecureChannelKeys.Derive(SiteKey, panelRandom);
        var server = keys.ServerCryptogram(panelRandom, deviceRandom);
        var rmac = keys.InitialRMac(server);
        var panel = new SecureChannelSession(keys, rmac);
        var device = new SecureChannelSession(SecureChannelKeys.Derive(SiteKey, panelRandom), rmac);

        for (var length = 0; length < 40; length++)
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            var sealedData = panel.EncryptCommandData(data);
            var body = new byte[] { 0x53, 0x01, 0x20, 0x00, 0x0D, 0x02, 0x17, 0x69 }.Concat(sealedData).ToArray();
            var mac = panel.SignCommand(body)[..4];
            var altered = (byte[])body.Clone();
            altered[^1] ^= 0x40;

            Assert.False(device.CheckCommand(altered, mac), $"length {length}: a changed byte passed");
            Assert.True(device.CheckCommand(body, mac), $"length {length}");
            Assert.Equal(data, device.DecryptCommandData(sealedData));
            if (length > 0)
            {
                Assert.NotEqual(data, sealedData[..length]);
            }

            var reply = device.SignReply([0x53, 0x81, 0x0E, 0x00, 0x0D, 0x02, 0x16, 0x40]);
            Assert.True(panel.CheckReply([0x53, 0x81, 0x0E, 0x00, 0x0D, 0x02, 0x16, 0x40], reply[..4]));
        }
    }
}
