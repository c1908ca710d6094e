namespace EdgeStation.Access.Osdp;

/// <summary>Why received bytes were dropped instead of read as a packet.</summary>
public enum OsdpFrameRejection
{
    None,
    /// <summary>LEN is shorter than any packet or longer than <see cref="OsdpFrameCodec.MaxPacketLength"/>.</summary>
    BadLength,
    /// <summary>The CRC or checksum does not match: line noise, or two devices talking at once.</summary>
    BadCheck,
    /// <summary>The security block does not fit the packet.</summary>
    BadSecurityBlock,
}
