using EdgeStation.Access.Wiegand;

namespace EdgeStation.Access.Osdp;

/// <summary>
/// A card a reader on the bus read (osdp_RAW): the raw bits, first bit first, and the Wiegand frame they decode to when
/// they are one (26 or 34 bits with parity holding); a read that decodes to nothing is still reported, never guessed at.
/// </summary>
public sealed record OsdpCardRead(byte Address, byte Reader, int BitCount, byte[] Bits)
{
    public WiegandFrame Frame
    {
        get
        {
            if (BitCount is < 1 or > WiegandDecoder.MaxBits || Bits.Length * 8 < BitCount)
            {
                return WiegandFrame.Rejected(BitCount, WiegandRejection.Length);
            }
            ulong value = 0;
            for (var i = 0; i < BitCount; i++)
            {
                value = (value << 1) | (uint)((Bits[i / 8] >> (7 - i % 8)) & 1);
            }
            return WiegandDecoder.Decode(value, BitCount);
        }
    }

    /// <summary>Packs bits (first bit in the top bit of the first byte), as osdp_RAW carries them.</summary>
    public static byte[] Pack(IReadOnlyList<bool> bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var bytes = new byte[(bits.Count + 7) / 8];
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                bytes[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }
        return bytes;
    }
}
