using System.Security.Cryptography;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// A card reader with keypad as an OSDP peripheral device (PD), in the same process: for tests and the demo, and the
/// reference the panel is checked against. It answers polls, queues card reads and keys until polled, records LED and
/// buzzer commands, keeps its SCBK (default SCBK-D until osdp_KEYSET), and runs the secure channel's peripheral side.
/// Faults on demand: silence (unplugged), and the secure channel required.
/// </summary>
public sealed class SimulatedOsdpReader
{
    private readonly Queue<byte[]> _pending = new();
    private readonly List<byte[]> _leds = [];
    private readonly List<byte[]> _buzzes = [];
    private byte[] _baseKey;
    private int? _lastSequence;
    private byte[]? _lastReply;
    private byte[]? _panelRandom;
    private byte[]? _deviceRandom;
    private SecureChannelKeys? _keys;
    private SecureChannelSession? _session;

    public SimulatedOsdpReader(byte address, byte[]? baseKey = null)
    {
        Address = address;
        _baseKey = baseKey ?? SecureChannelKeys.DefaultBaseKey.ToArray();
    }

    public byte Address { get; }
    public byte[] ClientUid { get; } = [0x45, 0x53, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05];

    /// <summary>Unplugged: commands go unanswered.</summary>
    public bool Silent { get; set; }

    /// <summary>Refuses (NAK 0x06) every command outside the secure channel but the handshake.</summary>
    public bool RequireSecureChannel { get; set; }

    public bool SecureChannelUp => _session is not null;
    public byte[] BaseKey => _baseKey;
    public IReadOnlyList<byte[]> LedCommands => _leds;
    public IReadOnlyList<byte[]> BuzzerCommands => _buzzes;
    public int CommandsHandled { get; private set; }
    public int MacFailures { get; private set; }

    /// <summary>A card held to the reader: the bits, first first, reported in the next poll's reply (osdp_RAW, format 0).</summary>
    public void PresentCard(IReadOnlyList<bool> bits, byte reader = 0)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _pending.Enqueue([OsdpReply.RawCard, reader, 0x00, (byte)bits.Count, (byte)(bits.Count >> 8), .. OsdpCardRead.Pack(bits)]);
    }

    /// <summary>Keys pressed ('0'–'9', '*', '#'), reported in the next poll's reply (osdp_KEYPAD; '*' as 0x7F, '#' as 0x0D).</summary>
    public void PressKeys(string keys, byte reader = 0)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var digits = keys.Select(k => k switch { '*' => (byte)0x7F, '#' => (byte)0x0D, _ => (byte)k }).ToArray();
        _pending.Enqueue([OsdpReply.Keypad, reader, (byte)digits.Length, .. digits]);
    }

    /// <summary>Answers one received command packet; null when it sends nothing (silent, or the packet is not for it).</summary>
    public byte[]? Handle(OsdpReceived received)
    {
        ArgumentNullException.ThrowIfNull(received);
        var command = received.Packet;
        if (Silent || command.IsReply || (command.Address != Address && command.Address != OsdpPacket.Broadcast))
        {
            return null;
        }
        if (command.Sequence != 0 && command.Sequence == _lastSequence && _lastReply is not null)
        {
            return _lastReply; // the panel did not hear our reply and asks again: the same bytes, not a second action
        }
        if (command.Sequence == 0)
        {
            _session = null; // the panel starts over
        }
        CommandsHandled++;
        var reply = Answer(received);
        _lastSequence = command.Sequence;
        _lastReply = reply;
        return reply;
    }

    private byte[] Answer(OsdpReceived received)
    {
        var command = received.Packet;
        var scb = command.Security;
        switch (scb?.Type)
        {
            case SecurityBlockType.Challenge when command.Code == OsdpCommand.Challenge && command.Data.Length == 8:
                return ClientCryptogram(command);
            case SecurityBlockType.ServerCryptogram when command.Code == OsdpCommand.ServerCryptogram && command.Data.Length == 16:
                return InitialRMac(command);
            case SecurityBlockType.CommandMac or SecurityBlockType.CommandMacEncrypted:
                var session = _session;
                if (session is null || command.Mac is null || !session.CheckCommand(received.MacCovered, command.Mac))
                {
                    MacFailures++;
                    _session = null;
                    return Plain(command, OsdpReply.Nak, [(byte)OsdpNakCode.EncryptionRequired]);
                }
                var data = command.Data;
                if (scb.Type == SecurityBlockType.CommandMacEncrypted)
                {
                    if (session.DecryptCommandData(data) is not { } plain)
                    {
                        _session = null;
                        return Plain(command, OsdpReply.Nak, [(byte)OsdpNakCode.EncryptionRequired]);
                    }
                    data = plain;
                }
                var (code, replyData) = Perform(command.Code, data);
                return Secure(command, session, code, replyData);
            case null:
                if (RequireSecureChannel && command.Code is not (OsdpCommand.Id or OsdpCommand.Capabilities))
                {
                    return Plain(command, OsdpReply.Nak, [(byte)OsdpNakCode.EncryptionRequired]);
                }
                var (plainCode, plainData) = Perform(command.Code, command.Data);
                return Plain(command, plainCode, plainData);
            default:
                return Plain(command, OsdpReply.Nak, [(byte)OsdpNakCode.UnsupportedSecurityBlock]);
        }
    }

    private (byte Code, byte[] Data) Perform(byte code, byte[] data)
    {
        switch (code)
        {
            case OsdpCommand.Poll:
                return _pending.TryDequeue(out var waiting) ? (waiting[0], waiting[1..]) : (OsdpReply.Ack, []);
            case OsdpCommand.Id:
                return (OsdpReply.DeviceId, [0x45, 0x53, 0x00, 0x01, 0x01, 0x01, 0x02, 0x03, 0x04, 0x01, 0x00, 0x00]);
            case OsdpCommand.Led when data.Length > 0 && data.Length % 14 == 0:
                _leds.Add(data);
                return (OsdpReply.Ack, []);
            case OsdpCommand.Buzzer when data.Length == 5:
                _buzzes.Add(data);
                return (OsdpReply.Ack, []);
            case OsdpCommand.KeySet when _session is not null && data is [0x01, SecureChannelKeys.KeyLength, ..] && data.Length == 18:
                _baseKey = data[2..];
                return (OsdpReply.Ack, []);
            case OsdpCommand.Led or OsdpCommand.Buzzer or OsdpCommand.KeySet:
                return (OsdpReply.Nak, [(byte)OsdpNakCode.BadLength]);
            default:
                return (OsdpReply.Nak, [(byte)OsdpNakCode.UnknownCommand]);
        }
    }

    private byte[] ClientCryptogram(OsdpPacket command)
    {
        _session = null;
        _panelRandom = command.Data;
        _deviceRandom = RandomNumberGenerator.GetBytes(SecureChannelKeys.RandomLength);
        // Key flag 0x00 asks for SCBK-D, which a reader accepts only while it still has it (install mode).
        if (command.Security!.Data is [0x00, ..] && !_baseKey.AsSpan().SequenceEqual(SecureChannelKeys.DefaultBaseKey))
        {
            return Plain(command, OsdpReply.Nak, [(byte)OsdpNakCode.EncryptionRequired]);
        }
        _keys = SecureChannelKeys.Derive(_baseKey, _panelRandom);
        var cryptogram = _keys.ClientCryptogram(_panelRandom, _deviceRandom);
        return OsdpFrameCodec.Encode(new OsdpPacket((byte)(Address | OsdpPacket.ReplyBit), command.Sequence, OsdpReply.ClientCryptogram, [.. ClientUid, .. _deviceRandom, .. cryptogram])
        {
            Security = OsdpSecurityBlock.Of(SecurityBlockType.ClientCryptogram, command.Security.Data),
        });
    }

    private byte[] InitialRMac(OsdpPacket command)
    {
        if (_keys is null || _panelRandom is null || _deviceRandom is null
            || !CryptographicOperations.FixedTimeEquals(_keys.ServerCryptogram(_panelRandom, _deviceRandom), command.Data))
        {
            _keys = null;
            return Plain(command, OsdpReply.Nak, [(byte)OsdpNakCode.EncryptionRequired]);
        }
        var rmac = _keys.InitialRMac(command.Data);
        _session = new SecureChannelSession(_keys, rmac);
        return OsdpFrameCodec.Encode(new OsdpPacket((byte)(Address | OsdpPacket.ReplyBit), command.Sequence, OsdpReply.InitialRMac, rmac)
        {
            Security = OsdpSecurityBlock.Of(SecurityBlockType.InitialRMac, 0x01),
        });
    }

    private byte[] Plain(OsdpPacket command, byte code, byte[] data) =>
        OsdpFrameCodec.Encode(new OsdpPacket((byte)(Address | OsdpPacket.ReplyBit), command.Sequence, code, data) { UseCrc = command.UseCrc });

    private byte[] Secure(OsdpPacket command, SecureChannelSession session, byte code, byte[] data)
    {
        var reply = new OsdpPacket((byte)(Address | OsdpPacket.ReplyBit), command.Sequence, code, data.Length > 0 ? session.EncryptReplyData(data) : data)
        {
            Security = OsdpSecurityBlock.Of(data.Length > 0 ? SecurityBlockType.ReplyMacEncrypted : SecurityBlockType.ReplyMac),
        };
        return OsdpFrameCodec.Encode(reply, body => session.SignReply(body));
    }
}
