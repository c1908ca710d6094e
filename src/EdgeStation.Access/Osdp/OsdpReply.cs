namespace EdgeStation.Access.Osdp;

/// <summary>Reply codes a peripheral device answers with, OSDP v2.</summary>
public static class OsdpReply
{
    public const byte Ack = 0x40;
    public const byte Nak = 0x41;
    public const byte DeviceId = 0x45;
    public const byte Capabilities = 0x46;
    public const byte LocalStatus = 0x48;
    public const byte RawCard = 0x50;
    public const byte Keypad = 0x53;
    public const byte ClientCryptogram = 0x76;
    public const byte InitialRMac = 0x78;
    public const byte Busy = 0x79;
}
