namespace EdgeStation.Access.Osdp;

/// <summary>A packet as read off the line, with its bytes from SOM to the check (a MAC covers a prefix of them).</summary>
public sealed record OsdpReceived(OsdpPacket Packet, byte[] Raw)
{
    /// <summary>The bytes the MAC covers: SOM to the end of the data.</summary>
    public ReadOnlySpan<byte> MacCovered =>
        Raw.AsSpan(0, Raw.Length - (Packet.UseCrc ? 2 : 1) - (Packet.Mac is null ? 0 : OsdpFrameCodec.MacLength));
}
