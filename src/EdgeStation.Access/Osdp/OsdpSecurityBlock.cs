namespace EdgeStation.Access.Osdp;

/// <summary>A packet's security control block: its type and the bytes after it (SEC_BLK_DATA, often one byte or none).</summary>
public sealed record OsdpSecurityBlock(SecurityBlockType Type, byte[] Data)
{
    /// <summary>Types whose packets end with a 4-byte MAC before the check.</summary>
    public bool HasMac => Type is >= SecurityBlockType.CommandMac and <= SecurityBlockType.ReplyMacEncrypted;

    public static OsdpSecurityBlock Of(SecurityBlockType type, params byte[] data) => new(type, data);
}
