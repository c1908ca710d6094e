using System.Security.Cryptography;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// The station as OSDP control panel (CP) on one RS-485 bus: it polls each reader in turn, hears card reads and keys in
/// the replies, drives the readers' LEDs and buzzers, and keeps a secure channel (AES-128) with every reader configured
/// for one. One exchange is on the line at a time: a command, then the addressed reader's reply or a timeout.
/// Events are raised on the polling thread; handlers must return quickly (the door decision is in memory).
/// </summary>
public sealed class OsdpControlPanel : IDisposable
{
    private readonly IOsdpConnection _line;
    private readonly TimeProvider _time;
    private readonly Dictionary<byte, OsdpPeripheralLink> _links = [];
    private readonly OsdpFrameReader _reader = new();
    private readonly SemaphoreSlim _exclusive = new(1, 1);
    private readonly byte[] _receive = new byte[512];

    public OsdpControlPanel(IOsdpConnection line, TimeProvider time, OsdpPanelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(time);
        _line = line;
        _time = time;
        Options = options ?? new OsdpPanelOptions();
    }

    public OsdpPanelOptions Options { get; }

    public event Action<OsdpCardRead>? CardRead;
    public event Action<OsdpKeypadRead>? KeypadRead;

    /// <summary>A reader came online or went offline (address, online).</summary>
    public event Action<byte, bool>? OnlineChanged;

    public long Timeouts { get; private set; }
    public long Refusals { get; private set; }
    public long SecurityFailures { get; private set; }
    public long RejectedFrames => _reader.RejectedFrames;

    public IReadOnlyCollection<OsdpPeripheralLink> Peripherals => _links.Values;

    /// <summary>
    /// Adds a reader at <paramref name="address"/>. <paramref name="baseKey"/>: its SCBK; null with <paramref name="secure"/>
    /// means it still has the default key (install mode: set its own with <see cref="SetBaseKeyAsync"/> at once).
    /// </summary>
    public OsdpPeripheralLink Add(byte address, bool secure = true, byte[]? baseKey = null)
    {
        if (address >= OsdpPacket.Broadcast)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, "an OSDP reader address is 0–126");
        }
        if (baseKey is not null && baseKey.Length != SecureChannelKeys.KeyLength)
        {
            throw new ArgumentException("an OSDP base key is 16 bytes (32 hex digits)", nameof(baseKey));
        }
        var link = new OsdpPeripheralLink(address, baseKey, secure);
        _links.Add(address, link);
        return link;
    }

    public OsdpPeripheralLink Link(byte address) =>
        _links.TryGetValue(address, out var link) ? link : throw new ArgumentException($"no OSDP reader at address {address} on this bus", nameof(address));

    /// <summary>Polls every reader once, opening the secure channel first where one is wanted and not up.</summary>
    public async Task PollRoundAsync(CancellationToken cancellationToken)
    {
        foreach (var link in _links.Values)
        {
            if (link.Secure && !link.SecureChannelUp)
            {
                if (!await EstablishSecureChannelAsync(link.Address, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }
            }
            await PollAsync(link.Address, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The bus loop: rounds of polls until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await PollRoundAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(Options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>osdp_POLL: the reader answers ACK, or with what it has waiting (a card, keys).</summary>
    public async Task<OsdpExchangeResult> PollAsync(byte address, CancellationToken cancellationToken) =>
        (await ExchangeAsync(Link(address), OsdpCommand.Poll, [], cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>osdp_LED: a reader LED's permanent state (colour 0 off, 1 red, 2 green, 3 amber, 4 blue).</summary>
    public async Task<OsdpExchangeResult> SetLedAsync(byte address, byte reader, byte led, byte color, CancellationToken cancellationToken)
    {
        // Temporary part: no change (control code 0); permanent part: set (control code 1), steady on in the colour.
        byte[] record = [reader, led, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, color, color];
        return (await ExchangeAsync(Link(address), OsdpCommand.Led, record, cancellationToken).ConfigureAwait(false)).Result;
    }

    /// <summary>
    /// osdp_LED, temporary part: the LED steady in <paramref name="color"/> for <paramref name="tenths"/> tenths of a second,
    /// then back to its permanent state by the reader's own timer (no second command, so a lost one cannot leave it green).
    /// </summary>
    public async Task<OsdpExchangeResult> FlashLedAsync(byte address, byte reader, byte led, byte color, ushort tenths, CancellationToken cancellationToken)
    {
        var on = (byte)Math.Clamp((int)tenths, 1, 255);
        // Temporary control code 2: set and start the timer; on time, off time 0 (steady), colours; timer LSB, MSB; permanent: no change.
        byte[] record = [reader, led, 2, on, 0, color, 0, (byte)tenths, (byte)(tenths >> 8), 0, 0, 0, 0, 0];
        return (await ExchangeAsync(Link(address), OsdpCommand.Led, record, cancellationToken).ConfigureAwait(false)).Result;
    }

    /// <summary>osdp_BUZ: the default tone, on and off in tenths of a second, <paramref name="count"/> times (0: until told otherwise).</summary>
    public async Task<OsdpExchangeResult> BuzzAsync(byte address, byte reader, byte onTenths, byte offTenths, byte count, CancellationToken cancellationToken) =>
        (await ExchangeAsync(Link(address), OsdpCommand.Buzzer, [reader, 2, onTenths, offTenths, count], cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>
    /// The handshake: osdp_CHLNG with RND.A, the reader's cryptogram proves it holds the key, osdp_SCRYPT proves the panel
    /// does, and the reader's initial R-MAC starts the MAC chain. False (the reader stays without a channel) on any failure.
    /// </summary>
    public async Task<bool> EstablishSecureChannelAsync(byte address, CancellationToken cancellationToken)
    {
        var link = Link(address);
        link.Session = null;
        var useDefault = link.BaseKey is null;
        var key = link.BaseKey ?? SecureChannelKeys.DefaultBaseKey.ToArray();
        byte keyFlag = useDefault ? (byte)0x00 : (byte)0x01;
        var panelRandom = RandomNumberGenerator.GetBytes(SecureChannelKeys.RandomLength);

        var (result, reply) = await ExchangeAsync(link, OsdpCommand.Challenge, panelRandom, cancellationToken,
            OsdpSecurityBlock.Of(SecurityBlockType.Challenge, keyFlag)).ConfigureAwait(false);
        if (result != OsdpExchangeResult.Answered || reply is not { Code: OsdpReply.ClientCryptogram, Data.Length: 32 }
            || reply.Security?.Type != SecurityBlockType.ClientCryptogram)
        {
            return Failed(link, result);
        }
        var deviceRandom = reply.Data.AsSpan(8, 8);
        var keys = SecureChannelKeys.Derive(key, panelRandom);
        if (!CryptographicOperations.FixedTimeEquals(keys.ClientCryptogram(panelRandom, deviceRandom), reply.Data.AsSpan(16, 16)))
        {
            return Failed(link, OsdpExchangeResult.SecurityFailure); // the reader holds another key
        }
        var serverCryptogram = keys.ServerCryptogram(panelRandom, deviceRandom);
        (result, reply) = await ExchangeAsync(link, OsdpCommand.ServerCryptogram, serverCryptogram, cancellationToken,
            OsdpSecurityBlock.Of(SecurityBlockType.ServerCryptogram, keyFlag)).ConfigureAwait(false);
        if (result != OsdpExchangeResult.Answered || reply is not { Code: OsdpReply.InitialRMac, Data.Length: 16 }
            || reply.Security?.Type != SecurityBlockType.InitialRMac)
        {
            return Failed(link, result);
        }
        if (!CryptographicOperations.FixedTimeEquals(keys.InitialRMac(serverCryptogram), reply.Data))
        {
            return Failed(link, OsdpExchangeResult.SecurityFailure);
        }
        link.Session = new SecureChannelSession(keys, reply.Data);
        return true;
    }

    /// <summary>
    /// osdp_KEYSET over the secure channel: gives the reader its own SCBK in place of the default one. The new key is
    /// used from the next handshake; keep it (encrypted at rest) with the door configuration.
    /// </summary>
    public async Task<OsdpExchangeResult> SetBaseKeyAsync(byte address, byte[] newKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        if (newKey.Length != SecureChannelKeys.KeyLength)
        {
            throw new ArgumentException("an OSDP base key is 16 bytes (32 hex digits)", nameof(newKey));
        }
        var link = Link(address);
        if (!link.SecureChannelUp)
        {
            throw new InvalidOperationException($"reader {address}: a key is set only over an established secure channel");
        }
        var (result, _) = await ExchangeAsync(link, OsdpCommand.KeySet, [0x01, SecureChannelKeys.KeyLength, .. newKey], cancellationToken).ConfigureAwait(false);
        if (result == OsdpExchangeResult.Answered)
        {
            link.BaseKey = newKey;
        }
        return result;
    }

    private bool Failed(OsdpPeripheralLink link, OsdpExchangeResult result)
    {
        if (result == OsdpExchangeResult.SecurityFailure)
        {
            SecurityFailures++;
        }
        link.Resynchronise();
        return false;
    }

    private async Task<(OsdpExchangeResult Result, OsdpPacket? Reply)> ExchangeAsync(
        OsdpPeripheralLink link, byte code, byte[] data, CancellationToken cancellationToken, OsdpSecurityBlock? handshake = null)
    {
        await _exclusive.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var sequence = link.NextSequence;
            var session = handshake is null ? link.Session : null;
            var command = new OsdpPacket(link.Address, sequence, code, data) { Security = handshake };
            if (session is not null)
            {
                command = data.Length > 0
                    ? command with { Security = OsdpSecurityBlock.Of(SecurityBlockType.CommandMacEncrypted), Data = session.EncryptCommandData(data) }
                    : command with { Security = OsdpSecurityBlock.Of(SecurityBlockType.CommandMac) };
            }
            var wire = OsdpFrameCodec.Encode(command, session is null ? null : body => session.SignCommand(body));
            _reader.Reset();
            await _line.WriteAsync(wire, cancellationToken).ConfigureAwait(false);

            var received = await ReceiveAsync(link.Address, sequence, cancellationToken).ConfigureAwait(false);
            if (received is null)
            {
                Timeouts++;
                link.ConsecutiveTimeouts++;
                link.Resynchronise();
                if ((link.Online || !link.StateReported) && link.ConsecutiveTimeouts >= Options.OfflineAfter)
                {
                    link.Online = false;
                    link.StateReported = true;
                    OnlineChanged?.Invoke(link.Address, false);
                }
                return (OsdpExchangeResult.Timeout, null);
            }
            var reply = received.Packet;
            if (session is not null)
            {
                if (reply.Mac is null || !session.CheckReply(received.MacCovered, reply.Mac))
                {
                    SecurityFailures++;
                    link.Resynchronise();
                    return (OsdpExchangeResult.SecurityFailure, null);
                }
                if (reply.Security?.Type == SecurityBlockType.ReplyMacEncrypted)
                {
                    if (session.DecryptReplyData(reply.Data) is not { } plain)
                    {
                        SecurityFailures++;
                        link.Resynchronise();
                        return (OsdpExchangeResult.SecurityFailure, null);
                    }
                    reply = reply with { Data = plain };
                }
            }
            link.ConsecutiveTimeouts = 0;
            if (!link.Online)
            {
                link.Online = true;
                link.StateReported = true;
                OnlineChanged?.Invoke(link.Address, true);
            }
            if (reply.Code == OsdpReply.Nak)
            {
                Refusals++;
                if (reply.Data is [(byte)OsdpNakCode.BadSequence or (byte)OsdpNakCode.EncryptionRequired or (byte)OsdpNakCode.UnsupportedSecurityBlock, ..])
                {
                    link.Resynchronise(); // the reader lost our count or its channel: start clean
                }
                else
                {
                    link.Answered();
                }
                return (OsdpExchangeResult.Refused, reply);
            }
            link.Answered();
            Deliver(link.Address, reply);
            return (OsdpExchangeResult.Answered, reply);
        }
        finally
        {
            _exclusive.Release();
        }
    }

    /// <summary>The addressed reader's reply to this sequence, or null once the reply timeout has passed.</summary>
    private async Task<OsdpReceived?> ReceiveAsync(byte address, int sequence, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Options.ReplyTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            while (true)
            {
                var n = await _line.ReadAsync(_receive, linked.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    return null; // the line closed
                }
                foreach (var r in _reader.Feed(_receive.AsSpan(0, n)))
                {
                    // Our own command echoed by a two-wire adapter, or another reader's late reply: not ours.
                    if (r.Packet.IsReply && r.Packet.DeviceAddress == address && r.Packet.Sequence == sequence)
                    {
                        return r;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Deliver(byte address, OsdpPacket reply)
    {
        switch (reply.Code)
        {
            // Reader, format code, bit count (LSB, MSB), bits packed first bit first.
            case OsdpReply.RawCard when reply.Data.Length >= 4:
                var bitCount = reply.Data[2] | (reply.Data[3] << 8);
                CardRead?.Invoke(new OsdpCardRead(address, reply.Data[0], bitCount, reply.Data[4..]));
                break;
            // Reader, digit count, digits.
            case OsdpReply.Keypad when reply.Data.Length >= 2:
                var digits = reply.Data.AsSpan(2, Math.Min(reply.Data[1], reply.Data.Length - 2));
                KeypadRead?.Invoke(new OsdpKeypadRead(address, reply.Data[0], string.Concat(digits.ToArray().Select(OsdpKeypadRead.KeyOf))));
                break;
            default:
                break;
        }
    }

    public void Dispose()
    {
        _exclusive.Dispose();
        _line.Dispose();
    }
}
