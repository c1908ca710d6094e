namespace EdgeStation.Access.Osdp;

/// <summary>
/// The security control block's type (SEC_BLK_TYPE): 0x11–0x14 carry the secure-channel handshake, 0x15–0x18 every
/// message after it (15/16: MAC only, for messages without data; 17/18: MAC and encrypted data; odd from the panel).
/// </summary>
public enum SecurityBlockType : byte
{
    Challenge = 0x11,
    ClientCryptogram = 0x12,
    ServerCryptogram = 0x13,
    InitialRMac = 0x14,
    CommandMac = 0x15,
    ReplyMac = 0x16,
    CommandMacEncrypted = 0x17,
    ReplyMacEncrypted = 0x18,
}
