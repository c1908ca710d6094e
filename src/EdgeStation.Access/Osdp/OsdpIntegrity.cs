namespace EdgeStation.Access.Osdp;

/// <summary>
/// The two integrity checks an OSDP packet may end with (CTRL bit 2 chooses): the 16-bit CRC every current reader uses
/// (CRC-16/AUG-CCITT: polynomial 0x1021, initial value 0x1D0F, sent least significant byte first) and the older 8-bit
/// checksum (the two's complement of the byte sum).
/// </summary>
public static class OsdpIntegrity
{
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0x1D0F;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }
        return crc;
    }

    public static byte Checksum8(ReadOnlySpan<byte> data)
    {
        var sum = 0;
        foreach (var b in data)
        {
            sum += b;
        }
        return (byte)-sum;
    }
}
