namespace EdgeStation.Access.Osdp;

/// <summary>
/// Packet layout: SOM 0x53, ADDR, LEN (LSB, MSB: the whole packet, SOM to check), CTRL (bits 0–1 sequence, bit 2 CRC,
/// bit 3 security block), [security block: length, type, data], code, data, [MAC, 4 bytes], CRC (2, LSB first) or
/// checksum (1). A mark byte 0xFF goes before SOM on the wire: RS-485 transceivers may lose the first byte after turning
/// the line around, and a reader skips anything before SOM.
/// </summary>
public static class OsdpFrameCodec
{
    public const byte StartOfMessage = 0x53;
    public const byte Mark = 0xFF;
    public const int MacLength = 4;

    /// <summary>Longer packets are refused: readers buffer 128 bytes and more, never kilobytes of a card read.</summary>
    public const int MaxPacketLength = 1024;

    private const byte SequenceMask = 0x03;
    private const byte CrcFlag = 0x04;
    private const byte SecurityFlag = 0x08;

    /// <summary>
    /// The packet's bytes from SOM to the end of its data, with LEN already counting the MAC and the check that follow.
    /// A secure-channel message's MAC is computed over exactly these bytes.
    /// </summary>
    public static byte[] Body(OsdpPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(packet.Sequence, 3, nameof(packet));
        ArgumentOutOfRangeException.ThrowIfNegative(packet.Sequence, nameof(packet));
        var scb = packet.Security;
        var macLength = scb is { HasMac: true } ? MacLength : 0;
        var bodyLength = 5 + (scb is null ? 0 : 2 + scb.Data.Length) + 1 + packet.Data.Length;
        var total = bodyLength + macLength + (packet.UseCrc ? 2 : 1);
        if (total > MaxPacketLength)
        {
            throw new ArgumentException($"an OSDP packet of {total} bytes is longer than {MaxPacketLength}", nameof(packet));
        }
        var body = new byte[bodyLength];
        body[0] = StartOfMessage;
        body[1] = packet.Address;
        body[2] = (byte)total;
        body[3] = (byte)(total >> 8);
        body[4] = (byte)(packet.Sequence | (packet.UseCrc ? CrcFlag : 0) | (scb is null ? 0 : SecurityFlag));
        var at = 5;
        if (scb is not null)
        {
            body[at++] = (byte)(2 + scb.Data.Length);
            body[at++] = (byte)scb.Type;
            scb.Data.CopyTo(body, at);
            at += scb.Data.Length;
        }
        body[at++] = packet.Code;
        packet.Data.CopyTo(body, at);
        return body;
    }

    /// <summary>The whole packet as sent (mark byte first); <paramref name="mac"/> computes the MAC from <see cref="Body"/> when the security block asks for one.</summary>
    public static byte[] Encode(OsdpPacket packet, Func<byte[], byte[]>? mac = null)
    {
        var body = Body(packet);
        byte[] macBytes = [];
        if (packet.Security is { HasMac: true })
        {
            macBytes = packet.Mac ?? mac?.Invoke(body)
                ?? throw new ArgumentException("a secure-channel message needs its MAC", nameof(packet));
            if (macBytes.Length < MacLength)
            {
                throw new ArgumentException("an OSDP MAC is 4 bytes", nameof(packet));
            }
        }
        var checkLength = packet.UseCrc ? 2 : 1;
        var wire = new byte[1 + body.Length + MacLength * (macBytes.Length > 0 ? 1 : 0) + checkLength];
        wire[0] = Mark;
        body.CopyTo(wire, 1);
        var at = 1 + body.Length;
        if (macBytes.Length > 0)
        {
            macBytes.AsSpan(0, MacLength).CopyTo(wire.AsSpan(at));
            at += MacLength;
        }
        var covered = wire.AsSpan(1, at - 1);
        if (packet.UseCrc)
        {
            var crc = OsdpIntegrity.Crc16(covered);
            wire[at] = (byte)crc;
            wire[at + 1] = (byte)(crc >> 8);
        }
        else
        {
            wire[at] = OsdpIntegrity.Checksum8(covered);
        }
        return wire;
    }

    /// <summary>
    /// Reads one whole packet (SOM to check, no mark byte), whose length and check are already known to be right;
    /// null with <paramref name="why"/> when its inner structure is wrong (a security block longer than the packet).
    /// </summary>
    internal static OsdpPacket? Parse(ReadOnlySpan<byte> p, out OsdpFrameRejection why)
    {
        why = OsdpFrameRejection.None;
        var ctrl = p[4];
        var useCrc = (ctrl & CrcFlag) != 0;
        var end = p.Length - (useCrc ? 2 : 1);
        var at = 5;
        OsdpSecurityBlock? scb = null;
        if ((ctrl & SecurityFlag) != 0)
        {
            var scbLength = p[at];
            if (scbLength < 2 || at + scbLength >= end)
            {
                why = OsdpFrameRejection.BadSecurityBlock;
                return null;
            }
            scb = new OsdpSecurityBlock((SecurityBlockType)p[at + 1], p.Slice(at + 2, scbLength - 2).ToArray());
            at += scbLength;
        }
        byte[]? mac = null;
        if (scb is { HasMac: true })
        {
            if (end - MacLength <= at)
            {
                why = OsdpFrameRejection.BadSecurityBlock;
                return null;
            }
            end -= MacLength;
            mac = p.Slice(end, MacLength).ToArray();
        }
        if (at >= end)
        {
            why = OsdpFrameRejection.BadLength;
            return null;
        }
        return new OsdpPacket(p[1], ctrl & SequenceMask, p[at], p[(at + 1)..end].ToArray())
        {
            UseCrc = useCrc,
            Security = scb,
            Mac = mac,
        };
    }
}
