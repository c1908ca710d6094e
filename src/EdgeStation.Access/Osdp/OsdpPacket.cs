namespace EdgeStation.Access.Osdp;

/// <summary>
/// One OSDP packet: to the peripheral at <see cref="Address"/> (0–126; 127 is broadcast), or from it when the reply bit
/// (0x80) is set. <see cref="Sequence"/> (0–3) pairs a reply with its command; 0 restarts the peripheral's count.
/// <see cref="Data"/> is as carried on the wire (encrypted under SCS_17/18).
/// </summary>
public sealed record OsdpPacket(byte Address, int Sequence, byte Code, byte[] Data)
{
    public const byte ReplyBit = 0x80;
    public const byte Broadcast = 0x7F;

    public bool UseCrc { get; init; } = true;
    public OsdpSecurityBlock? Security { get; init; }

    /// <summary>The 4-byte MAC of a secure-channel message; null otherwise.</summary>
    public byte[]? Mac { get; init; }

    public bool IsReply => (Address & ReplyBit) != 0;
    public byte DeviceAddress => (byte)(Address & 0x7F);
}
